#if canImport(Glibc)
    import Glibc
#endif

/// What a file watcher saw change since the last build: the loader then neither lists a folder
/// whose names did not change nor looks again at a file that did not change.
///
/// Paths are site-relative (`content/countries/chad.md`). A change to a folder (`content`,
/// moved away and back) counts as a change to everything in it.
struct ChangeHint: Sendable {
    private let paths: Set<String>
    /// The changed names directly inside each folder that holds one.
    private let children: [String: [String]]

    init(_ paths: some Sequence<String>) {
        self.paths = Set(paths)
        var children: [String: [String]] = [:]
        for path in self.paths {
            guard let slash = path.lastIndex(of: "/") else { continue }
            children[String(path[..<slash]), default: []].append(String(path[path.index(after: slash)...]))
        }
        self.children = children
    }

    /// Whether `path` itself was reported changed.
    func contains(_ path: String) -> Bool {
        // Asked for every file of the site: a few names are compared, not hashed.
        paths.count <= 8 ? paths.contains { $0 == path } : paths.contains(path)
    }

    /// The indices in `listed` of the paths reported changed that it holds; nil when so many
    /// changed that looking each one up costs more than walking every file.
    func places(in listed: [String]) -> [Int]? {
        guard paths.count <= 8 else { return nil }
        return paths.compactMap { listed.firstIndex(of: $0) }
    }

    /// Whether the folder at `path`, or a folder holding it, was itself reported changed
    /// (made, removed, moved): everything in it may then be different.
    func mayHaveReplaced(folder path: String) -> Bool {
        var current = Substring(path)
        while true {
            if paths.contains(String(current)) { return true }
            guard let slash = current.lastIndex(of: "/") else { return false }
            current = current[..<slash]
        }
    }

    /// Whether the `.md` files of the folder at `path` may be other than `listed` (site-relative
    /// paths): a name ending in `.md` changed there that is not a listed plain file any more or
    /// was not listed before. Changes to listed files that are still there change no name.
    func mayHaveChangedNames(in folder: String, listed: Set<String>, root: String) -> Bool {
        if mayHaveReplaced(folder: folder) { return true }
        for name in children[folder] ?? [] where name.hasSuffix(".md") {
            let path = folder + "/" + name
            guard listed.contains(path) else { return true }
            var info = stat()
            guard lstat(root + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return true }
        }
        return false
    }
}
