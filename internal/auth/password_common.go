package auth

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"

	"dangjian/internal/i18n"
)

// commonPasswords is the embedded list of common passwords (see its header
// and NOTICE-common-passwords.md: SecLists' Chinese top 1000, zxcvbn's list
// from Xato's 10 million passwords, and this project's Chinese patterns),
// lower-cased, sorted, one a line; '#' lines are its header.
//
//go:embed common_passwords.txt
var commonPasswords string

// commonList is commonPasswords split into its sorted entries. The strings
// share the embedded bytes: no copy, a binary search per form.
var commonList = sync.OnceValue(func() []string {
	lines := strings.Split(commonPasswords, "\n")
	out := lines[:0:0]
	for _, l := range lines {
		if l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	slices.Sort(out) // already sorted; cheap, and a wrong order cannot break the search
	return out
})

func isSymbol(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// commonForms returns what a password is compared with the list under:
// lower-cased and trimmed of symbols at both ends ("Woaini1314!" →
// "woaini1314"); that without its trailing digits and symbols when four
// characters or more remain ("Beijing2025!" → "beijing"); and, when a run
// of six digits or more stands between letters and symbols at the ends,
// that run ("Qq5201314!" → "5201314").
func commonForms(password string) []string {
	l := strings.TrimFunc(strings.ToLower(password), isSymbol)
	forms := []string{l}
	if stem := strings.TrimRightFunc(l, func(r rune) bool { return unicode.IsDigit(r) || isSymbol(r) }); len(stem) >= 4 && stem != l {
		forms = append(forms, stem)
	}
	notDigit := func(r rune) bool { return !unicode.IsDigit(r) }
	if digits := strings.TrimFunc(l, notDigit); len(digits) >= 6 && strings.IndexFunc(digits, notDigit) < 0 {
		forms = append(forms, digits)
	}
	return forms
}

// isCommon reports whether password is in the list of common passwords,
// or is one with digits or symbols added, or is a pinyin word or name with
// digits or symbols added ("Zhangwei1985!").
func isCommon(password string) bool {
	list := commonList()
	forms := commonForms(password)
	for _, f := range forms {
		if _, ok := slices.BinarySearch(list, f); ok {
			return true
		}
	}
	l := forms[0]
	stem := strings.TrimRightFunc(l, func(r rune) bool { return unicode.IsDigit(r) || isSymbol(r) })
	return stem != l && len(stem) >= 4 && isPinyin(stem, 4)
}

// pinyinSyllables are the syllables of Mandarin in pinyin without tones.
var pinyinSyllables = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang
chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu
dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng
gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui
hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou
ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long
lou lu lv lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan
nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nv nuan nue nuo o ou pa pai pan pang pao
pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran
rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao
she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan
tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian
xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai
zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan
zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`) {
		m[s] = true
	}
	return m
}()

// isPinyin reports whether s (lower-case letters) is two to most pinyin
// syllables: a name ("zhangwei") or a short phrase ("woaini").
func isPinyin(s string, most int) bool {
	// best[i]: fewest syllables spelling s[:i] (0 when none does).
	const none = 1 << 30
	best := make([]int, len(s)+1)
	for i := 1; i <= len(s); i++ {
		best[i] = none
		for j := max(0, i-6); j < i; j++ {
			if (j == 0 || best[j] < none) && pinyinSyllables[s[j:i]] {
				best[i] = min(best[i], best[j]+1)
			}
		}
	}
	n := best[len(s)]
	return n >= 2 && n <= most
}

// containsUsername reports whether password holds the username, forwards
// or backwards, ignoring case and the separators . _ - and spaces
// ("Zhang.Wei-2025" holds "zhang.wei"). Usernames shorter than three
// letters or digits are only compared whole (CheckPolicy does that).
func containsUsername(username, password string) bool {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch r {
			case '.', '_', '-', ' ':
				return -1
			}
			return unicode.ToLower(r)
		}, s)
	}
	u, p := strip(username), strip(password)
	if len(u) < 3 {
		return false
	}
	r := []rune(u)
	slices.Reverse(r)
	return strings.Contains(p, u) || strings.Contains(p, string(r))
}

// checkNotGuessable is the part of CheckPolicy past length and classes.
func checkNotGuessable(username, password string) error {
	if strings.EqualFold(strings.TrimSpace(password), username) {
		return i18n.Errf("password", "err.password_is_username")
	}
	if containsUsername(username, password) {
		return i18n.Errf("password", "err.password_contains_username")
	}
	if isCommon(password) {
		return i18n.Errf("password", "err.password_common")
	}
	return nil
}
