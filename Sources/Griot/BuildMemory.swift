/// What one build learned that the next can reuse: the pages of files that have not changed, the
/// bodies whose links still resolve alike, and the files the output holds. The preview keeps one
/// between rebuilds, so a save reads one file, resolves one body and renders what depends on it.
///
/// Reusing memory never changes what a build writes: a build with it writes the same bytes as a
/// build from scratch (`IncrementalBuildTests` holds it to that).
public struct BuildMemory: Sendable {
    var files: [String: LoadedFile] = [:]
    var listings: [PageKind: FolderListing] = [:]
    var loadedPages: LoadedPages?
    /// The paths a file watcher reported changed since the build that left this memory, or nil
    /// when that is not known. When set, the next build takes every other file and folder of
    /// `content/` to be as that build saw it (neither listed nor looked at again), then clears it.
    public var changedPaths: [String]?
    var resolved = ResolveMemory()
    /// The output's files after the last build that wrote it, with the fingerprints of what
    /// they were rendered from (zero for assets); nil when not known.
    var outputs: [String: UInt64]?
    /// Which outputs read which inputs, as of the build that wrote `outputs`.
    var dependencies = OutputDependencies()
    /// The outputs of the build that wrote `outputs`, in render order: while a rebuild has the
    /// same, it looks only at those whose inputs changed, not at every path.
    var layout: OutputLayout?
    /// The last build's outputs and their paths, with what they were made from.
    var graph: (shape: OutputGraph.Shape, graph: OutputGraph, paths: [String])?
    /// Outputs a stopped build rewrote since `outputs` was recorded (their fingerprint there is 0).
    var unknownOutputs: Set<String> = []

    public init() {}
}
