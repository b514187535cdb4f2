package cli

import "dangjian/internal/i18n"

// Messages of the key-file check at start (issue 15 item 6).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.cli.key_file_missing": {
			ZH: "--key-file：密钥文件 %s 不存在，但数据库中已有加密的个人信息（%s）；不会生成新密钥，因为新密钥无法解密这些数据。请放回原来的密钥文件，或用环境变量 DANGJIAN_KEY 提供原密钥",
			EN: "--key-file: the key file %s does not exist, but the database already holds encrypted personal data (%s); no new key is written, since a new key could not decrypt that data. Put the original key file back, or give the original key in DANGJIAN_KEY",
		},
	})
}
