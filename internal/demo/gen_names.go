package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Syllables for synthetic place names. Every name the generator hands out is
// unique over the whole run, so no rename, move or merge can ever collide with
// a sibling's name.
var (
	nameHeads = strings.Fields(`
东 西 南 北 中 新 老 上 下 前 后 大 小 长 高 金 银 玉 青 红 白 黄 翠 碧
春 夏 秋 冬 晨 曦 朝 阳 明 光 华 安 康 宁 平 和 泰 福 祥 瑞 庆 兴 盛 荣
文 武 德 仁 义 礼 智 信 忠 孝 松 柏 竹 梅 兰 菊 荷 桂 杏 桃 李 枫 柳 杨
江 河 湖 海 溪 泉 潭 山 岭 峰 岗 坡 桥 塘 湾 港 洲 岛 滨 园 林 苑 庭 坊`)
	nameTails = strings.Fields(`
安 华 兴 荣 盛 康 宁 平 和 泰 福 祥 瑞 庆 丰 裕 昌 隆 达 通 新 明 光 辉
苑 园 林 湖 江 河 溪 泉 山 岭 桥 塘 湾 港 洲 岸 门 街 巷 坊 里 村 庄 城
源 景 城 苑 府 阁 庭 居 台 馆`)
	placeSuffixes = []string{"", "东", "西", "南", "北", "新村", "花园", "家园", "里", "路"}
)

// nameGen hands out unique place names in a deterministic shuffled order.
type nameGen struct {
	perm []int
	next int
	used map[string]bool
}

func newNameGen(rng *rand.Rand) *nameGen {
	n := len(nameHeads) * len(nameTails) * len(placeSuffixes)
	return &nameGen{perm: rng.Perm(n), used: map[string]bool{}}
}

// stem returns a fresh two- or three-syllable stem such as "金桥" or "松林北".
func (g *nameGen) stem() string {
	for {
		var s string
		if g.next < len(g.perm) {
			i := g.perm[g.next]
			h := nameHeads[i%len(nameHeads)]
			i /= len(nameHeads)
			t := nameTails[i%len(nameTails)]
			i /= len(nameTails)
			s = h + t + placeSuffixes[i]
		} else {
			// Past the combinations: number the stems; still unique.
			s = fmt.Sprintf("%s%s%d", nameHeads[g.next%len(nameHeads)], nameTails[g.next%len(nameTails)], g.next)
		}
		g.next++
		if h := []rune(s); len(h) >= 2 && h[0] == h[1] {
			continue // "东东" reads badly
		}
		if !g.used[s] {
			g.used[s] = true
			return s
		}
	}
}

// short returns a fresh two-syllable stem, for the names of the larger
// areas ("金桥区", never "金桥新村区").
func (g *nameGen) short() string {
	for {
		if s := g.stem(); len([]rune(s)) == 2 {
			return s
		}
	}
}

// community returns a fresh community name, e.g. "金桥社区".
func (g *nameGen) community() string { return g.stem() + "社区" }

// subdistrict returns a fresh subdistrict name, e.g. "金桥街道".
func (g *nameGen) subdistrict() string { return g.short() + "街道" }

// district returns a fresh district name, e.g. "金桥区".
func (g *nameGen) district() string { return g.short() + "区" }

// city returns a fresh city name, e.g. "金桥市".
func (g *nameGen) city() string { return g.short() + "市" }

// province returns a fresh province name, e.g. "金桥省".
func (g *nameGen) province() string { return g.short() + "省" }

// stemOf strips a level suffix ("社区", "街道") from a name.
func stemOf(name, suffix string) string { return strings.TrimSuffix(name, suffix) }
