package speechtpl

import "dangjian/internal/auth"

// The permissions that guard the speech templates: reading a scope's
// versions and their diffs, and saving or restoring one.
var (
	ReadTemplates  = auth.Define("speech_templates.read", auth.Readers...)
	WriteTemplates = auth.Define("speech_templates.write", auth.Writers...)
)
