import Synchronization

/// The folders of one tree that a build opens for nearly every file, opened once.
///
/// Most files of a site lie one folder below a top-level folder (`countries/france/index.html`):
/// the top-level folders stay open while the build writes, so writing a file opens only its own
/// folder. Shared by the threads that write; its owner closes it with `closeAll()`.
final class FolderCache: Sendable {
    private let root: DirectoryHandle
    /// Whether folders are expected to be missing (a staging tree this build made): each is made
    /// before it is opened, which spares a failed open.
    private let expectsNew: Bool
    private let topLevel = Mutex<[String: DirectoryHandle]>([:])

    init(root: DirectoryHandle, expectsNew: Bool) {
        self.root = root
        self.expectsNew = expectsNew
    }

    /// The folder at `path` below the root (`` for the root itself), created where missing when
    /// `create` is set. The caller closes it; a folder the cache keeps stays open.
    func folder(_ path: Substring, create: Bool) throws(DirectoryHandle.Failure) -> DirectoryHandle {
        guard !path.isEmpty else { return root.shared }
        guard let slash = path.firstIndex(of: "/") else { return try kept(path, create: create) }
        let parent = try kept(path[..<slash], create: create)
        let rest = path[path.index(after: slash)...]
        guard !rest.utf8.contains(UInt8(ascii: "/")) else { return try parent.subdirectory(path: rest, create: create) }
        return try parent.subdirectory(String(rest), create: create, expectsNew: expectsNew)
    }

    /// Closes every folder the cache keeps (not the root, which is its owner's).
    func closeAll() {
        topLevel.withLock { folders in
            for folder in folders.values { folder.closeShared() }
            folders = [:]
        }
    }

    private func kept(_ name: Substring, create: Bool) throws(DirectoryHandle.Failure) -> DirectoryHandle {
        let name = String(name)
        return try topLevel.withLock { (folders) throws(DirectoryHandle.Failure) -> DirectoryHandle in
            if let folder = folders[name] { return folder }
            let folder = try root.subdirectory(name, create: create, expectsNew: expectsNew).shared
            folders[name] = folder
            return folder
        }
    }
}
