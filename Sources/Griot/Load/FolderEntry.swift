#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A name in a folder with the type the folder records for it, so listing a folder of ten
/// thousand pages costs one read of the folder, not a `stat` per file.
struct FolderEntry {
    /// The name; when its bytes are not UTF-8, a readable form with each stray byte as `\xFF`.
    var name: String
    /// Whether the name's bytes are valid UTF-8.
    var isUTF8 = true
    /// `DT_REG`, `DT_DIR`, `DT_LNK`…, or `DT_UNKNOWN` when the file system does not say.
    var type: UInt8

    /// The entries of the folder at `path`, without `.` and `..`; nil when it cannot be read.
    static func list(_ path: String) -> [FolderEntry]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var entries: [FolderEntry] = []
        while let entry = readdir(stream) {
            let bytes = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) {
                    Array(
                        UnsafeBufferPointer(
                            start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
                }
            }
            guard bytes != [UInt8(ascii: ".")], bytes != [UInt8(ascii: "."), UInt8(ascii: ".")] else { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                entries.append(FolderEntry(name: name, type: entry.pointee.d_type))
            } else {
                let shown = bytes.map {
                    $0 < 0x80 && $0 >= 0x20 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true)
                }
                .joined()
                entries.append(FolderEntry(name: shown, isUTF8: false, type: entry.pointee.d_type))
            }
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
