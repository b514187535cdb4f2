package cli

import "dangjian/internal/i18n"

// Messages of the audit anchors (audit anchor, audit verify, audit redact, serve).
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.cli.anchor_key_created": {
			ZH: "已在 %s 生成新的审计锚点签名密钥（公钥 %s，另存于同名 .pub 文件）：请将它与数据库分开保管，最好不放在数据库服务器上；公钥可以公开，用于核验锚点",
			EN: "created a new anchor signing key in %s (public key %s, also in the .pub file beside it): keep it apart from the database, ideally not on the database server; the public key can be published and is what verifies anchors"},
		"ui.cli.anchor_empty": {ZH: "审计日志为空，无需生成锚点", EN: "the audit trail is empty: nothing to anchor"},
		"ui.cli.anchor_made": {
			ZH: "已为第 %d 条记录生成签名锚点，并追加到 %s：\n%s\n核验用公钥：%s",
			EN: "signed an anchor of entry %d and appended it to %s:\n%s\npublic key that verifies it: %s"},
		"ui.cli.anchors_none": {
			ZH: "未找到锚点文件 %s：只核验了哈希链本身（尾部被截断或整体重写将无法发现）；服务运行时会自动生成锚点，也可运行 dangjian audit anchor",
			EN: "no anchors file at %s: only the chain itself was checked (a cut or rewritten tail would not show); the server makes anchors as it runs, or run dangjian audit anchor"},
		"ui.cli.anchors_checked": {
			ZH: "锚点核验通过：%d 个（来自 %s），最新的是第 %d 条记录，签于 %s（%s）",
			EN: "anchors hold: %d checked (from %s), the newest of entry %d, signed %s (%s)"},
		"ui.cli.anchors_superseded": {
			ZH: "另有 %d 个锚点早于脱敏操作，其所在记录已被脱敏重新封存，由脱敏时签发的锚点取代",
			EN: "%d more anchors predate a redaction that re-sealed their entries, and are replaced by the anchor the redaction signed"},
		"ui.cli.anchor_redacted": {
			ZH: "已为脱敏后的新链尾签发锚点并追加到 %s；此前第 %d 至 %s 条记录的锚点由它取代",
			EN: "signed an anchor of the new head and appended it to %s; earlier anchors of entries %d to %s are replaced by it"},
		"ui.cli.anchor_serving": {
			ZH: "审计锚点：每 %s 一次（链尾有变化时）及停止服务时，写入 %s 和日志；核验公钥 %s",
			EN: "audit anchors: every %s (when the head moved) and at shutdown, to %s and the log; public key %s"},
		"err.anchor_file_missing": {ZH: "--anchor-file：没有文件 %s", EN: "--anchor-file: there is no file %s"},
		"err.anchor_public": {
			ZH: "--anchor-public：%s 不是锚点公钥（base64 编码的 32 字节，或存有它的文件）",
			EN: "--anchor-public: %s is not an anchor public key (32 bytes in base64, or a file holding it)"},
		"err.anchor_no_public_key": {
			ZH: "有锚点需要核验，但没有公钥：请用 --anchor-public 给出公钥（或其 .pub 文件），或用 --anchor-key 指明签名密钥（%s 及 %[1]s.pub 都不存在）",
			EN: "there are anchors to check but no public key: give it with --anchor-public (or its .pub file), or the signing key with --anchor-key (neither %s nor %[1]s.pub exists)"},
		"err.anchor_cut": {
			ZH: "审计日志被截断：锚点 %s（签于 %[3]s）记录的第 %[2]d 条已不存在",
			EN: "the audit trail was cut: entry %[2]d, anchored at %[1]s (signed %[3]s), is gone"},
		"err.anchor_rewritten": {
			ZH: "审计日志被改写：第 %[2]d 条的哈希现为 %[3]s，而锚点 %[1]s（签于 %[5]s）记录的是 %[4]s",
			EN: "the audit trail was rewritten: entry %[2]d now has hash %[3]s, but anchor %[1]s (signed %[5]s) recorded %[4]s"},
		"err.anchor_bad_signature": {
			ZH: "锚点签名核验失败，锚点文件被伪造或篡改：%s",
			EN: "an anchor's signature does not verify, so the anchors file was forged or altered: %s"},
		"err.anchor_unknown_key": {
			ZH: "锚点由未知密钥签名（请用 --anchor-public 给出所有服务器的公钥）：%s",
			EN: "an anchor is signed by a key not given (give every server's public key with --anchor-public): %s"},
		"err.anchor_key_missing": {
			ZH: "--anchor-key：没有签名密钥 %s，但锚点文件 %s 中已有锚点：请给出签名这些锚点的密钥（或设置 $DANGJIAN_ANCHOR_KEY）；若密钥已丢失，请把锚点文件移到别处保存（其中的锚点仍可用原公钥核验）后再运行，届时会生成新密钥",
			EN: "--anchor-key: there is no signing key %s, but the anchors file %s holds anchors: give the key that signed them (or set $DANGJIAN_ANCHOR_KEY); if it is lost, move the anchors file aside (its anchors still verify with the old public key) and run again to create a new key"},
		"err.anchor_every": {ZH: "--anchor-every：不能为负数（0 表示不自动生成锚点）", EN: "--anchor-every: must not be negative (0 turns automatic anchors off)"},
	})
}
