#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a file's metadata says about its contents: a file whose identity is unchanged since it was
/// read has not been written since (any write moves its change time, which no tool can set back).
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    /// The identity of the file at `path`, following links as reading does; nil when it cannot
    /// be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The identity `info` (from `stat` or `fstat`) describes.
    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// The wall clock now, in nanoseconds, as file times count it.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Whether the file was changed too shortly before `time` for its identity to be trusted
    /// later: file times advance by clock ticks (a few milliseconds), so a second write in the
    /// tick of the first leaves size and times as they were. Like Git's "racily clean" entries.
    func isRecent(comparedWith time: Int64) -> Bool {
        max(modified, changed) > time - 100_000_000
    }
}

/// A content file as a build loaded it, kept so the next build can skip the file when its
/// identity is the same.
struct LoadedFile: Sendable {
    /// Nil when the file could not be read.
    var identity: FileIdentity?
    /// The page, or nil when the file could not be loaded.
    var page: Page?
    var diagnostics: [Diagnostic]
}
