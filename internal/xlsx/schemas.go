package xlsx

// The schemas of the sheets the platform imports and exports. Export writes
// the columns in this order with the ZH or EN header, and import accepts any
// order and any of the headers, so an export can be imported back.

// Enum values shared by several schemas; codes follow docs/domain.md.
var (
	genderValues = []Value{
		{Code: "male", ZH: "男", EN: "male", Aliases: []string{"m"}},
		{Code: "female", ZH: "女", EN: "female", Aliases: []string{"f"}},
	}
	statusValues = []Value{
		{Code: "full", ZH: "正式", EN: "full", Aliases: []string{"正式党员", "full member"}},
		{Code: "probationary", ZH: "预备", EN: "probationary", Aliases: []string{"预备党员", "probationary member"}},
	}
	categoryValues = []Value{
		{Code: "resident", ZH: "居民", EN: "resident", Aliases: []string{"居民党员"}},
		{Code: "retired", ZH: "离退休", EN: "retired", Aliases: []string{"离退休党员", "退休"}},
		{Code: "in_service", ZH: "在职", EN: "in-service", Aliases: []string{"在职党员"}},
		{Code: "floating", ZH: "流动", EN: "floating", Aliases: []string{"流动党员"}},
	}
	// reasonValues are how a membership in the sheet began: 入党 (joined the
	// party) is not an enrolment and does not count in members.enrolled.
	reasonValues = []Value{
		{Code: "enrolment", ZH: "纳入", EN: "enrolment", Aliases: []string{"纳入社区管理", "纳入管理", "接收"}},
		{Code: "transfer_in", ZH: "转入", EN: "transfer in", Aliases: []string{"组织关系转入", "转接"}},
		{Code: "joined", ZH: "入党", EN: "joined the party", Aliases: []string{"发展入党", "新入党", "joined"}},
		{Code: "other", ZH: "其他", EN: "other", Aliases: []string{"其它"}},
	}
	rankValues = []Value{
		{Code: "division", ZH: "处级", EN: "division-level", Aliases: []string{"division"}},
		{Code: "section", ZH: "科级", EN: "section-level", Aliases: []string{"section"}},
		{Code: "none", ZH: "无", EN: "none", Aliases: []string{"无级别", "—"}},
	}
	unitKindValues = []Value{
		{Code: "party_government", ZH: "党政机关", EN: "party or government organ", Aliases: []string{"机关"}},
		{Code: "public_institution", ZH: "事业单位", EN: "public institution"},
		{Code: "state_enterprise", ZH: "国有企业", EN: "state enterprise", Aliases: []string{"国企"}},
		{Code: "private_enterprise", ZH: "非公企业", EN: "private enterprise", Aliases: []string{"民营企业", "私营企业"}},
		{Code: "social_organisation", ZH: "社会组织", EN: "social organisation", Aliases: []string{"social organization"}},
	}
	roleValues = []Value{
		{Code: "secretary", ZH: "书记", EN: "secretary"},
		{Code: "deputy_secretary", ZH: "副书记", EN: "deputy secretary"},
		{Code: "member", ZH: "委员", EN: "member", Aliases: []string{"committee member"}},
		{Code: "concurrent_member", ZH: "兼职委员", EN: "concurrent member"},
		{Code: "director", ZH: "居委会主任", EN: "committee director", Aliases: []string{"主任", "director"}},
	}
)

// Members is the member roster: a person and their current membership.
var Members = NewSchema("members",
	Column{Key: "name", ZH: "姓名", EN: "Name", Required: true},
	Column{Key: "gender", ZH: "性别", EN: "Gender", Kind: Enum, Values: genderValues},
	Column{Key: "ethnicity", ZH: "民族", EN: "Ethnicity"},
	Column{Key: "birth_date", ZH: "出生日期", EN: "Birth date", Kind: Date, Aliases: []string{"出生年月", "date of birth"}},
	Column{Key: "id_number", ZH: "身份证号", EN: "ID number", Required: true, Kind: Digits,
		Aliases: []string{"公民身份号码", "身份证号码", "身份证", "证件号码", "ID no", "ID card number"}},
	Column{Key: "phone", ZH: "手机号", EN: "Phone", Kind: Digits, Aliases: []string{"联系电话", "手机号码", "电话", "mobile"}},
	Column{Key: "education", ZH: "学历", EN: "Education", Aliases: []string{"文化程度"}},
	Column{Key: "address", ZH: "住址", EN: "Address", Aliases: []string{"家庭住址", "现住址", "居住地址"}},
	Column{Key: "branch", ZH: "所在支部", EN: "Branch", Required: true, Aliases: []string{"所在党支部", "所在党组织", "党支部"}},
	Column{Key: "status", ZH: "党员状态", EN: "Status", Kind: Enum, Values: statusValues, Aliases: []string{"党员类型", "member status"}},
	Column{Key: "category", ZH: "党员类别", EN: "Category", Kind: Enum, Values: categoryValues, Aliases: []string{"member category"}},
	Column{Key: "joined_on", ZH: "入党日期", EN: "Joined", Kind: Date, Aliases: []string{"入党时间", "joined on", "joined the party"}},
	Column{Key: "transferred_in_on", ZH: "转入日期", EN: "Transferred in", Kind: Date, Aliases: []string{"转入时间", "transferred in on"}},
	Column{Key: "transfer_reason", ZH: "转入原因", EN: "Transfer reason", Kind: Enum, Values: reasonValues, Aliases: []string{"reason"}},
	Column{Key: "from_org", ZH: "原所在组织", EN: "Transferred from", Aliases: []string{"原组织", "原所在支部", "转出组织", "from org"}},
	Column{Key: "note", ZH: "备注", EN: "Note", Aliases: []string{"说明"}},
	personNo,
	numberOf("branch_no", "支部编号", "Branch no."),
)

// Units is the list of stationed units (驻区单位).
var Units = NewSchema("units",
	Column{Key: "name", ZH: "单位名称", EN: "Unit name", Required: true, Aliases: []string{"单位", "name"}},
	Column{Key: "kind", ZH: "单位性质", EN: "Kind", Kind: Enum, Values: unitKindValues, Aliases: []string{"单位类型", "unit kind"}},
	Column{Key: "rank", ZH: "级别", EN: "Rank", Kind: Enum, Values: rankValues, Aliases: []string{"单位级别"}},
	Column{Key: "community", ZH: "所在社区", EN: "Community", Required: true, Aliases: []string{"社区"}},
	Column{Key: "party_org", ZH: "单位党组织", EN: "Party organisation", Aliases: []string{"党组织名称", "party organization"}},
	Column{Key: "established_on", ZH: "成立日期", EN: "Established", Kind: Date, Aliases: []string{"成立时间", "established on"}},
	numberOf("community_no", "社区编号", "Community no."),
)

// Posts is the list of leadership posts.
var Posts = NewSchema("posts",
	Column{Key: "name", ZH: "姓名", EN: "Name", Required: true},
	Column{Key: "id_number", ZH: "身份证号", EN: "ID number", Required: true, Kind: Digits,
		Aliases: []string{"公民身份号码", "身份证号码", "身份证", "证件号码", "ID no", "ID card number"}},
	Column{Key: "org", ZH: "党组织/社区", EN: "Organisation", Required: true,
		Aliases: []string{"党组织", "社区", "所在党组织", "organization", "party organisation", "community"}},
	Column{Key: "role", ZH: "职务", EN: "Role", Required: true, Kind: Enum, Values: roleValues, Aliases: []string{"post", "position"}},
	Column{Key: "from", ZH: "任职日期", EN: "From", Required: true, Kind: Date, Aliases: []string{"任职时间", "start date"}},
	Column{Key: "to", ZH: "离任日期", EN: "To", Kind: Date, Aliases: []string{"离任时间", "end date"}},
	Column{Key: "term", ZH: "届次", EN: "Term", Aliases: []string{"届", "term no"}},
	Column{Key: "unit", ZH: "来源单位", EN: "From unit", Aliases: []string{"所在单位", "source unit"}},
	personNo,
	numberOf("org_no", "党组织/社区编号", "Organisation no."),
	numberOf("unit_no", "来源单位编号", "From unit no."),
)

// personNo is the person's id in this system, written by an export: it
// finds the person again when the ID number is missing or masked.
var personNo = Column{Key: "person_no", ZH: "人员编号", EN: "Person no.", Kind: Digits, Aliases: []string{"person number", "person no"}}

// numberOf is the column beside a name column that holds the record's id in
// this system, written by an export: names repeat (many units' party
// organisations are all called 党支部), numbers do not.
func numberOf(key, zh, en string) Column {
	return Column{Key: key, ZH: zh, EN: en, Kind: Digits}
}

// Schemas lists the schemas by name, for the command line.
func Schemas() []*Schema { return []*Schema{Members, Units, Posts} }

// SchemaByName returns the schema called name, or nil.
func SchemaByName(name string) *Schema {
	for _, s := range Schemas() {
		if s.Name == name {
			return s
		}
	}
	return nil
}
