import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Maps a request path onto a file of the output folder and opens it, refusing anything that
/// could reach outside it: `..` segments in any encoding, NUL bytes, backslashes, and symbolic
/// links (none of Griot's outputs is one). Each segment is opened relative to the folder opened
/// before it, without following links, so a folder swapped for a link while a request runs cannot
/// lead it elsewhere. Hidden files and special files (FIFOs, devices) are not served.
struct SitePath: Sendable {
    /// What a request path resolves to.
    enum Resolution: Sendable {
        /// A regular file inside the folder, open.
        case file(ServedFile)
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
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        // Hidden files (`.env`, an editor's `.swp`, a tool's state) are not part of the site.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        var folder = Glibc.open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return .notFound }
        defer { close(folder) }
        for segment in segments.dropLast() {
            let next = openat(folder, segment, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return Self.failure(errno) }
            close(folder)
            folder = next
        }
        guard let last = segments.last else { return openFile("index.html", in: folder) }
        // Not blocking: a FIFO would otherwise hold the request until a writer came.
        let entry = openat(folder, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard entry >= 0 else { return Self.failure(errno) }
        var info = stat()
        guard fstat(entry, &info) == 0 else {
            close(entry)
            return .notFound
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .file(ServedFile(descriptor: entry, name: last, info: info))
        case S_IFDIR:
            defer { close(entry) }
            guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
            return openFile("index.html", in: entry)
        default:
            close(entry)
            return .notFound
        }
    }

    /// Opens the regular file `name` in `folder`.
    private func openFile(_ name: String, in folder: Int32) -> Resolution {
        let file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return Self.failure(errno) }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(file)
            return .notFound
        }
        return .file(ServedFile(descriptor: file, name: name, info: info))
    }

    /// A link where a folder or file was expected is refused; anything else is simply not there.
    private static func failure(_ code: Int32) -> Resolution {
        code == ELOOP || code == EMLINK ? .forbidden : .notFound
    }
}

/// A file of the output opened for one response; closed when the response is done with it.
final class ServedFile: @unchecked Sendable {
    let descriptor: Int32
    /// The file's name, for its content type.
    let name: String
    let size: Int
    let modified: Date

    init(descriptor: Int32, name: String, info: stat) {
        self.descriptor = descriptor
        self.name = name
        size = Int(info.st_size)
        modified = Date(
            timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes from `offset`; fewer at the end of the file, none past it.
    func read(at offset: Int, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            done += got
        }
        bytes.removeLast(count - done)
        return bytes
    }

    /// The whole file, as far as it reaches the size it had when opened.
    func readAll() -> [UInt8] { read(at: 0, count: size) }
}
