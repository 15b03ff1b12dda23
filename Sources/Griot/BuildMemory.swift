/// What one build learned that the next can reuse: the pages of files that have not changed, the
/// bodies whose links still resolve alike, and the files the output holds. The preview keeps one
/// between rebuilds, so a save reads one file, resolves one body and renders what depends on it.
///
/// Reusing memory never changes what a build writes: a build with it writes the same bytes as a
/// build from scratch (`IncrementalBuildTests` holds it to that).
public struct BuildMemory: Sendable {
    var files: [String: LoadedFile] = [:]
    var resolved = ResolveMemory()
    /// The output's files after the last build that wrote it, with the fingerprints of what
    /// they were rendered from (zero for assets); nil when not known.
    var outputs: [String: UInt64]?
    /// Which outputs read which inputs, as of the build that wrote `outputs`.
    var dependencies = OutputDependencies()

    public init() {}
}
