import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A `griot serve` process on a free port, over a copy of the test fixture site.
final class ServedSite: @unchecked Sendable {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    let process = Process()
    let output = Pipe()
    private(set) var port = 0
    private let lock = NSLock()
    private var outputText = ""

    /// The preview's own output folder, where the served files are.
    static let previewFolder = ".griot/preview"

    /// Copies the fixture, runs `before` on it (to publish a build first, say), then starts serving
    /// with `arguments` added to `griot serve`'s.
    init(arguments: [String] = [], before: (URL) throws -> Void = { _ in }) throws {
        let fileManager = FileManager.default
        root = fileManager.temporaryDirectory.appendingPathComponent("griot-serve-\(UUID().uuidString)")
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        let fixture = Self.repositoryRoot.appendingPathComponent("Tests/GriotTests/Fixtures/site/content")
        try fileManager.copyItem(at: fixture, to: root.appendingPathComponent("content"))
        try fileManager.copyItem(
            at: Self.repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))

        try before(root)
        let products = Bundle.main.bundleURL
        process.executableURL = products.appendingPathComponent("griot")
        process.arguments = ["serve", "--site", root.path, "--port", "0"] + arguments
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.outputText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let line = log.split(separator: "\n").first(where: { $0.hasPrefix("Serving http://127.0.0.1:") }),
                let portText = line.split(separator: ":").dropFirst(2).first?.split(separator: "/").first,
                let port = Int(portText)
            {
                self.port = port
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "griot serve did not start: \(log)"])
    }

    /// Everything the server printed so far.
    var log: String { lock.withLock { outputText } }

    /// Sends SIGINT (Ctrl-C) and waits for the process to end; returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: root)
        return process.terminationStatus
    }

    /// Every file under `folder` with its bytes.
    static func files(in folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return files
        }
        for case let url as URL in enumerator {
            if let data = try? Data(contentsOf: url) { files[String(url.path.dropFirst(folder.path.count))] = data }
        }
        return files
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) throws -> HTTPResult {
        try RawHTTP.request(port: port, method: method, path: path, headers: headers)
    }
}

struct HTTPResult {
    var status: Int
    var headers: [String: String]
    var body: String
}

/// A tiny HTTP/1.1 client over a socket, which sends the path exactly as given (URLSession would
/// normalise away the `..` that the traversal tests need to send).
enum RawHTTP {
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Reads what arrives within `timeout` seconds, or until the peer closes.
    static func receive(_ fd: Int32, timeout: TimeInterval, until stop: (String) -> Bool = { _ in false }) -> String {
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, min(wait, 100)) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if stop(String(decoding: data, as: UTF8.self)) { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Opens a live-reload stream and waits for its greeting; returns the socket and what arrived.
    static func openEvents(port: Int) throws -> (Int32, String) {
        let fd = try connect(port: port)
        send(fd, "GET /__griot/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return (fd, receive(fd, timeout: 2) { $0.contains(": connected") })
    }

    /// Whether the peer closes the connection within `timeout` seconds (what it sends is dropped).
    static func waitForClose(_ fd: Int32, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, min(100, deadline.timeIntervalSinceNow * 1000)))) > 0 else { continue }
            if recv(fd, &buffer, buffer.count, 0) <= 0 { return true }
        }
        return false
    }

    static func request(port: Int, method: String, path: String, headers: [String: String]) throws -> HTTPResult {
        let fd = try connect(port: port)
        defer { close(fd) }
        var text = "\(method) \(path) HTTP/1.1\r\n"
        if headers["Host"] == nil { text += "Host: 127.0.0.1:\(port)\r\n" }
        text += "Connection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        send(fd, text + "\r\n")
        return parse(receive(fd, timeout: 5))
    }

    static func parse(_ raw: String) -> HTTPResult {
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.isEmpty ? "" : lines.removeFirst()
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return HTTPResult(status: status, headers: headers, body: body)
    }
}
