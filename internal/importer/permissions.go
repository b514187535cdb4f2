package importer

import "dangjian/internal/auth"

// The permissions that guard imports and exports.
var (
	// RunImports guards uploading a file and following its import.
	RunImports = auth.Define("imports.run", auth.Writers...)
	// ReadExports guards downloading the records of one's scope.
	ReadExports = auth.Define("exports.read", auth.Readers...)
)
