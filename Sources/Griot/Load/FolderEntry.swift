#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A name in a folder with the type the folder records for it, so listing a folder of ten
/// thousand pages costs one read of the folder, not a `stat` per file.
struct FolderEntry {
    var name: String
    /// `DT_REG`, `DT_DIR`, `DT_LNK`…, or `DT_UNKNOWN` when the file system does not say.
    var type: UInt8

    /// The entries of the folder at `path`, without `.` and `..`; nil when it cannot be read.
    static func list(_ path: String) -> [FolderEntry]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var entries: [FolderEntry] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { entries.append(FolderEntry(name: name, type: entry.pointee.d_type)) }
        }
        return entries
    }

    /// Whether the entry is a folder, following a link as reading does; nil for a broken or
    /// looping link.
    func isDirectory(in folder: String) -> Bool? {
        switch Int(type) {
        case Int(DT_REG): return false
        case Int(DT_DIR): return true
        default:
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0 else { return nil }
            return info.st_mode & S_IFMT == S_IFDIR
        }
    }
}
