import Foundation

/// Maps a request path onto a file of the output folder, refusing anything that could reach
/// outside it: `..` segments in any encoding, NUL bytes, backslashes, and symbolic links whose
/// target lies outside the folder. Hidden files are not served.
struct SitePath: Sendable {
    /// What a request path resolves to.
    enum Resolution: Equatable, Sendable {
        /// A regular file inside the folder.
        case file(URL)
        /// A folder asked for without its trailing slash: redirect to this path.
        case redirect(String)
        /// Nothing there.
        case notFound
        /// A path that tries to leave the folder or is malformed.
        case forbidden
    }

    /// The output folder, with symbolic links resolved.
    let root: URL

    init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Resolves the raw (still percent-encoded) path of a request.
    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\0"), let decoded = rawPath.removingPercentEncoding else {
            return .forbidden
        }
        // A second layer of encoding (%252e) is never legitimate for this site's files.
        if decoded.contains("%"), let twice = decoded.removingPercentEncoding, twice != decoded { return .forbidden }
        if decoded.contains("\0") || decoded.contains("\\") { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        // Hidden files (`.env`, an editor's `.swp`, a tool's state) are not part of the site.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        var url = root
        for segment in segments { url.appendPathComponent(String(segment)) }
        let real = url.resolvingSymlinksInPath()
        guard real.path == root.path || real.path.hasPrefix(root.path + "/") else { return .forbidden }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
            let index = real.appendingPathComponent("index.html")
            let realIndex = index.resolvingSymlinksInPath()
            guard realIndex.path.hasPrefix(root.path + "/") else { return .forbidden }
            return FileManager.default.fileExists(atPath: realIndex.path) ? .file(realIndex) : .notFound
        }
        return .file(real)
    }
}
