import Foundation

@testable import Griot

/// A copy of a fixture site in a fresh temporary folder, with the repository's templates, so a
/// test may change it freely.
struct FixtureSite {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    /// Copies `Tests/GriotTests/Fixtures/<name>` (content) and the repository's `templates/`.
    init(_ name: String = "site", templates: Bool = true) throws {
        let fileManager = FileManager.default
        root = fileManager.temporaryDirectory.appendingPathComponent("griot-\(UUID().uuidString)")
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        let fixture = Self.repositoryRoot.appendingPathComponent("Tests/GriotTests/Fixtures/\(name)")
        try fileManager.copyItem(
            at: fixture.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        if templates {
            try fileManager.copyItem(
                at: Self.repositoryRoot.appendingPathComponent("templates"),
                to: root.appendingPathComponent("templates"))
        }
    }

    var output: URL { root.appendingPathComponent("public") }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Adds `count` plain country pages, to make a build take long enough to watch or interrupt.
    func addBulkPages(_ count: Int) throws {
        for index in 0..<count {
            try write(
                "content/countries/bulk-\(index).md",
                "---\ntitle: Bulk \(index)\nsummary: Page \(index).\nsources:\n  - title: Bulk\n---\n"
                    + String(repeating: "A paragraph of filler text for page \(index).\n\n", count: 40))
        }
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    func build(drafts: Bool = false, baseURL: String? = nil) -> BuildReport {
        Builder(options: BuildOptions(siteDirectory: root, baseURL: baseURL, includeDrafts: drafts)).build()
    }

    func check() -> BuildReport {
        Builder(options: BuildOptions(siteDirectory: root)).check()
    }

    /// Parses a page of the built site.
    func page(_ path: String) throws -> HTMLElement {
        HTML.parse(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8))
    }

    /// Every file under `folder` with its bytes, to prove a folder unchanged.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return files
        }
        for case let url as URL in enumerator {
            if let data = try? Data(contentsOf: url) {
                files[String(url.path.dropFirst(folder.path.count))] = data
            }
        }
        return files
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Runs the built `griot` executable, capturing its output.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        // The test bundle sits in the build products folder, beside the `griot` executable.
        let products = Bundle.main.bundleURL
        let candidate = products.appendingPathComponent("griot")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "griot")
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
