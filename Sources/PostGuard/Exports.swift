// PostGuard: the one module users import. It re-exports every stage of the pipeline, so
// `import PostGuard` gives a Swift program everything `postguard check` uses.
@_exported import PostGuardEngine
@_exported import PostGuardDocuments
@_exported import PostGuardInput
@_exported import PostGuardCatalog
@_exported import PostGuardDetectors
@_exported import PostGuardConsent
@_exported import PostGuardPolicy
@_exported import PostGuardVerdict
@_exported import PostGuardReport
