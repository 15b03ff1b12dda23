import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders recursively with inotify and reports changed paths in debounced batches.
///
/// A dedicated thread blocks in `poll`, so watching costs no CPU while nothing changes. Folders
/// created later are watched as they appear; new, renamed and deleted files are all reported.
final class DirectoryWatcher: @unchecked Sendable {
    /// How long the folders must be quiet before a batch of changes is reported.
    let debounce: TimeInterval
    private let descriptor: Int32
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private var stopped = false

    private static let mask: UInt32 = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

    /// Starts watching `roots` (missing folders are skipped).
    init(roots: [URL], debounce: TimeInterval = 0.1) throws {
        self.debounce = debounce
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "inotify is not available"])
        }
        for root in roots { addRecursively(root.standardizedFileURL.path) }
    }

    deinit { close(descriptor) }

    private func addRecursively(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return
        }
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        if watch >= 0 { lock.withLock { folders[watch] = path } }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            addRecursively(path + "/" + name)
        }
    }

    /// Batches of changed paths, each reported once the folders have been quiet for `debounce`.
    /// The stream ends when `stop()` is called.
    func changes() -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                var pending: [String] = []
                var deadline: Date?
                while !lock.withLock({ stopped }) {
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    let ready = poll(&poller, 1, 50)
                    if ready > 0 {
                        pending += readEvents()
                        if !pending.isEmpty { deadline = Date().addingTimeInterval(debounce) }
                    } else if let due = deadline, Date() >= due {
                        continuation.yield(Array(Set(pending)).sorted())
                        pending.removeAll()
                        deadline = nil
                    }
                }
                continuation.finish()
            }
            thread.name = "griot-watcher"
            thread.start()
        }
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    /// Reads the waiting inotify events, watching new folders, and returns the changed paths
    /// that matter (editor swap and backup files are ignored).
    private func readEvents() -> [String] {
        var paths: [String] = []
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name =
                    event.len > 0
                    ? String(cString: buffer.advanced(by: nameStart).assumingMemoryBound(to: CChar.self)) : ""
                offset = nameStart + Int(event.len)
                guard let folder = lock.withLock({ folders[event.wd] }) else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    addRecursively(path)
                }
                if Self.isNoise(name) { continue }
                paths.append(path)
            }
        }
        return paths
    }

    static func isNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }
}
