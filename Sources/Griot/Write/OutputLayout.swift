/// The files a build wrote into its output, as the next build into the same output compares
/// them: each output's path in render order and its place there, and the asset files.
struct OutputLayout: Sendable {
    /// Each output's path, in the order they render.
    let paths: [String]
    /// The asset files copied from `templates/assets/`.
    let assets: [String]
    /// Where each path is in `paths`.
    let places: [String: Int]
    /// Every file: the outputs and the assets.
    let files: Set<String>
    /// How many of the files are pages (HTML).
    let pages: Int

    init(paths: [String], assets: [String]) {
        self.paths = paths
        self.assets = assets
        places = Dictionary(paths.enumerated().map { ($1, $0) }) { first, _ in first }
        files = Set(paths).union(assets)
        pages = Self.pages(in: paths) + Self.pages(in: assets)
    }

    /// How many of `paths` are pages (HTML).
    static func pages(in paths: [String]) -> Int {
        paths.reduce(0) { $0 + ($1.hasSuffix(".html") ? 1 : 0) }
    }
}
