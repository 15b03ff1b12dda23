import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders recursively with inotify and reports changed paths in debounced batches.
///
/// A dedicated thread blocks in `poll` with no timeout while nothing is pending, so an idle
/// preview costs no CPU. Folders created later are watched as they appear; new, renamed and
/// deleted files are all reported. Symbolic links to folders are not followed (a link to `.` or
/// `/` would otherwise add watches without end). When the kernel's event queue overflows, the
/// roots themselves are reported, so the next rebuild misses nothing.
final class DirectoryWatcher: @unchecked Sendable {
    /// How long the folders must be quiet before a batch of changes is reported.
    let debounce: TimeInterval
    /// The longest a batch waits for quiet: a file saved every few milliseconds (an autosave)
    /// cannot hold back a rebuild longer than this.
    let maximumWait: TimeInterval
    private let descriptor: Int32
    /// Written to by `stop()` to wake the thread out of `poll`.
    private let wakeUp: (read: Int32, write: Int32)
    private let roots: [String]
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private var stopped = false

    private static let mask: UInt32 =
        UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF) | UInt32(IN_DONT_FOLLOW) | UInt32(IN_ONLYDIR)

    /// Starts watching `roots` (missing folders are skipped).
    init(roots: [URL], debounce: TimeInterval = 0.1, maximumWait: TimeInterval = 1) throws {
        self.debounce = debounce
        self.maximumWait = max(maximumWait, debounce)
        self.roots = roots.map { $0.standardizedFileURL.path }
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "inotify is not available"])
        }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot make a pipe"])
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wakeUp = (ends[0], ends[1])
        for root in self.roots { addRecursively(root) }
    }

    deinit {
        close(descriptor)
        close(wakeUp.read)
        close(wakeUp.write)
    }

    private func addRecursively(_ path: String) {
        // A real folder only: `lstat` does not follow a link.
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
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
                var first: Date?
                var deadline: Date?
                while !lock.withLock({ stopped }) {
                    var pollers = [
                        pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                        pollfd(fd: wakeUp.read, events: Int16(POLLIN), revents: 0),
                    ]
                    // Nothing pending: sleep until the kernel has news. Otherwise until the batch is due.
                    let timeout =
                        deadline.map { Int32(max(0, min(1_000_000, $0.timeIntervalSinceNow * 1000)).rounded(.up)) }
                        ?? -1
                    let ready = poll(&pollers, 2, timeout)
                    if ready > 0 && pollers[0].revents != 0 {
                        pending += readEvents()
                        if !pending.isEmpty {
                            let now = Date()
                            if first == nil { first = now }
                            deadline = min(now.addingTimeInterval(debounce), first!.addingTimeInterval(maximumWait))
                        }
                    }
                    if let due = deadline, Date() >= due {
                        continuation.yield(Array(Set(pending)).sorted())
                        pending.removeAll()
                        first = nil
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
        var byte: UInt8 = 1
        _ = write(wakeUp.write, &byte, 1)
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
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: report the roots, and watch any folder made meanwhile.
                    paths += roots
                    for root in roots { addRecursively(root) }
                    offset = nameStart + Int(event.len)
                    continue
                }
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
