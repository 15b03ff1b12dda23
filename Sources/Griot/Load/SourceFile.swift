import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A text file of the site, read once, with its path relative to the site folder.
///
/// Reading normalises the harmless variants editors produce (a UTF-8 byte-order mark, CRLF line
/// endings) and refuses what is not text.
public struct SourceFile: Sendable {
    /// Path relative to the site folder, with `/` separators: `content/countries/france.md`.
    public var path: String
    /// The text with `\n` line endings and no byte-order mark.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Files larger than this are refused rather than read into memory.
    static let maximumSize = 8 * 1024 * 1024

    /// Reads and decodes a file, reporting problems as a diagnostic for `path`.
    static func read(_ url: URL, path: String) -> Result<SourceFile, Diagnostic> {
        read(atPath: url.path, path: path).result
    }

    /// Reads and decodes the file at `absolutePath`, reporting problems as a diagnostic for
    /// `path`; with it, the file's identity when it was opened (nil when it could not be).
    ///
    /// One open, one `fstat` and the reads: at 10,000 pages, Foundation's reading (which looks
    /// the path up four times) cost a tenth of the loading stage's system calls.
    static func read(atPath absolutePath: String, path: String) -> (
        result: Result<SourceFile, Diagnostic>, identity: FileIdentity?
    ) {
        func unreadable(_ code: Int32) -> Diagnostic {
            Diagnostic(
                .unreadableFile, file: path, message: "cannot read the file: \(systemErrorDescription(code))",
                hint: "check that it exists and that you may read it")
        }
        // Opened as reading follows links; without blocking, so a FIFO is refused, not waited on.
        let file = open(absolutePath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return (.failure(unreadable(errno)), nil) }
        defer { _ = close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { return (.failure(unreadable(errno)), nil) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return (
                .failure(
                    Diagnostic(
                        .notRegularFile, file: path, message: "not a regular file",
                        hint: "content files must be plain Markdown files; remove or replace this entry")), nil
            )
        }
        let identity = FileIdentity(info)
        let size = Int(info.st_size)
        if size > maximumSize {
            return (
                .failure(
                    Diagnostic(
                        .fileTooLarge, file: path,
                        message:
                            "file is \(String(format: "%.1f", Double(size) / 1_048_576)) MB, larger than the \(maximumSize / 1_048_576) MB a page may be",
                        hint: "split the page, or move large data out of content/")), identity
            )
        }
        // The bytes the identity describes: a file written while it is read is read again next
        // time, its identity having changed.
        var data = Data(count: size)
        var total = 0
        while total < size {
            let read = data.withUnsafeMutableBytes { buffer in
                Glibc.read(file, buffer.baseAddress! + total, size - total)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return (.failure(unreadable(errno)), identity)
            }
            if read == 0 { break }
            total += read
        }
        data.count = total
        return (decode(data, path: path), identity)
    }

    /// Decodes bytes as UTF-8 text, locating the first invalid byte.
    static func decode(_ data: Data, path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(
                Diagnostic(
                    .notUTF8, file: path, line: 1, column: 1, message: "the file is UTF-16 text, not UTF-8",
                    hint: "save the file as UTF-8 in your editor"))
        }
        let (nul, hasCarriageReturn) = bytes.withUnsafeBytes { raw -> (Int?, Bool) in
            guard let base = raw.baseAddress, !raw.isEmpty else { return (nil, false) }
            let nul = memchr(base, 0, raw.count).map { base.distance(to: UnsafeRawPointer($0)) }
            return (nul, memchr(base, 0x0D, raw.count) != nil)
        }
        if let nul {
            let (line, column) = position(of: bytes.startIndex + nul, in: bytes)
            return .failure(
                Diagnostic(
                    .binaryFile, file: path, line: line, column: column,
                    message: "the file holds a NUL byte: it is binary, not text",
                    hint: "content files must be UTF-8 Markdown; move other files out of content/"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(in: bytes) ?? bytes.startIndex
            let (line, column) = position(of: bad, in: bytes)
            return .failure(
                Diagnostic(
                    .notUTF8, file: path, line: line, column: column, message: "the file is not valid UTF-8",
                    hint: "save the file as UTF-8 in your editor"))
        }
        guard hasCarriageReturn else { return .success(SourceFile(path: path, text: text)) }
        // CRLF line endings become LF; a lone CR is kept as written.
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var previous: UInt8?
        for byte in bytes {
            if byte == 0x0A, previous == 0x0D { normalized.removeLast() }
            normalized.append(byte)
            previous = byte
        }
        return .success(SourceFile(path: path, text: String(decoding: normalized, as: UTF8.self)))
    }

    private static func position(of index: Data.Index, in bytes: Data.SubSequence) -> (Int, Int) {
        let before = bytes[bytes.startIndex..<index]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    private static func firstInvalidUTF8(in bytes: Data.SubSequence) -> Data.Index? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            let end = index + length
            guard end <= bytes.endIndex,
                String(validating: bytes[index..<end], as: UTF8.self) != nil
            else { return index }
            index = end
        }
        return nil
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let path = nsError.userInfo[NSFilePathErrorKey] as? String
            ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path,
            let file = firstFileAncestor(of: path)
        {
            return "'\(file)' is a file, not a folder"
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let posix = POSIXErrorCode(rawValue: Int32(underlying.code)), underlying.domain == NSPOSIXErrorDomain
        {
            return systemErrorDescription(posix.rawValue)
        }
        switch nsError.code {
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError: return "permission denied"
        default:
            if let posix = POSIXErrorCode(rawValue: Int32(nsError.code)), nsError.domain == NSPOSIXErrorDomain {
                return systemErrorDescription(posix.rawValue)
            }
            return nsError.localizedDescription
        }
    }

    /// The nearest existing ancestor folder of `path`, when it is in fact a regular file.
    static func firstFileAncestor(of path: String) -> String? {
        var url = URL(fileURLWithPath: path).deletingLastPathComponent()
        while url.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : url.path
            }
            url.deleteLastPathComponent()
        }
        return nil
    }
}
