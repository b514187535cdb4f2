package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/people"
)

// Fictional personal data for the demo district and the generator. Nothing
// here can belong to a real person:
//
//   - ID numbers use the region codes 449901–449999: province 44 exists, so
//     the numbers pass the GB 11643 checks (people.ParseIDNumber), but no city
//     4499 exists in GB/T 2260, so no such number was ever issued. The check
//     digit is the real one (people.CheckDigit).
//   - Phone numbers are 138 0000 xxxx, a block kept for examples.
//   - Names are drawn from common surnames and given-name characters.

// fakeRegions is how many fictional county codes there are (449901–449999).
const fakeRegions = 99

// idAlloc hands out unique fictional ID numbers: for each birth date and
// gender, the k-th number takes region 4499(01 + k/500) and sequence
// 2·(k mod 500) + 1 for a man, 2·(k mod 500) for a woman (the sequence's
// parity is the gender, as in real numbers). Up to 49,500 people per birth
// date and gender; counters only, so it costs a few bytes per birth date.
type idAlloc struct {
	next map[idSlot]int
}

type idSlot struct {
	born date.Date
	male bool
}

func newIDAlloc() *idAlloc { return &idAlloc{next: map[idSlot]int{}} }

// id returns the next fictional ID number for someone born on born.
func (a *idAlloc) id(born date.Date, male bool) (string, error) {
	s := idSlot{born, male}
	k := a.next[s]
	if k >= fakeRegions*500 {
		return "", fmt.Errorf("gen: more than %d people born on %s", fakeRegions*500, born)
	}
	a.next[s] = k + 1
	return fakeIDNumber(born, male, k), nil
}

// fakeIDNumber is the k-th fictional ID number of a birth date and gender.
func fakeIDNumber(born date.Date, male bool, k int) string {
	seq := 2 * (k % 500)
	if male {
		seq++
	}
	b := make([]byte, 0, 18)
	b = fmt.Appendf(b, "4499%02d%s%03d", 1+k/500, strings.ReplaceAll(born.String(), "-", ""), seq)
	return string(append(b, people.CheckDigit(string(b))))
}

// fakePhone is a fictional mobile number 1380000xxxx.
func fakePhone(i int) string { return fmt.Sprintf("1380000%04d", i%10000) }

var (
	surnames = strings.Fields(`王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗
郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈`)
	givenChars = strings.Fields(`伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平
刚 桂 英 华 玉 兰 建 国 志 红 文 斌 辉 鹏 俊 燕 萍 飞 宇 海 云 凤 春 梅 林 波 东 鑫 雪 琳`)
	ethnicities = []string{"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "壮族", "回族", "满族", "苗族"}
	educations  = []people.Education{people.Postgraduate, people.Bachelor, people.Bachelor, people.College, people.College,
		people.SecondaryVocational, people.HighSchool, people.HighSchool, people.JuniorHigh, people.PrimaryOrBelow}
)

// fakeName returns a fictional name of two or three characters.
func fakeName(rng *rand.Rand) string {
	s := surnames[rng.IntN(len(surnames))] + givenChars[rng.IntN(len(givenChars))]
	if rng.IntN(3) > 0 {
		s += givenChars[rng.IntN(len(givenChars))]
	}
	return s
}
