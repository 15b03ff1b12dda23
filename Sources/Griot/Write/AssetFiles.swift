import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of `templates/assets/`, published under `assets/`.
///
/// Only regular files and real folders are taken: a symbolic link could lead anywhere (`root -> /`)
/// and a FIFO would block the build, so both are left out with a warning.
struct AssetFiles {
    struct File: Sendable {
        /// The path in the output: `assets/style.css`.
        var path: String
        var source: URL

        func read() throws(DirectoryHandle.Failure) -> Data {
            let descriptor = open(source.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw DirectoryHandle.Failure(path: path, code: errno) }
            return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile()
        }
    }

    var files: [File] = []
    var diagnostics: [Diagnostic] = []

    static func list(in folder: URL) -> AssetFiles {
        var result = AssetFiles()
        guard let root = try? DirectoryHandle.open(folder.path) else { return result }
        defer { root.close() }
        func visit(_ handle: DirectoryHandle, _ relative: String) {
            for name in ((try? handle.entries()) ?? []).sorted() {
                guard let info = handle.status(of: name) else { continue }
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    result.files.append(File(path: "assets/\(path)", source: folder.appendingPathComponent(path)))
                case S_IFDIR:
                    guard let child = try? handle.subdirectory(name, create: false) else { continue }
                    defer { child.close() }
                    visit(child, path)
                default:
                    let what = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a regular file"
                    result.diagnostics.append(
                        Diagnostic(
                            .assetLeftOut, file: "templates/assets/\(path)",
                            message: "left out of the site: \(what)",
                            hint: "put the file itself in templates/assets/, not a link or a special file"))
                }
            }
        }
        visit(root, "")
        return result
    }
}
