import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders recursively with inotify and reports changed paths in debounced batches.
///
/// A dedicated thread blocks in `poll` with no timeout while nothing is pending, so an idle
/// preview costs no CPU. Folders created later are watched as they appear; new, renamed and
/// deleted files are all reported. Symbolic links to folders are not followed (a link to `.` or
/// `/` would otherwise add watches without end). The roots' parent folders are watched too, so a
/// root removed or moved away and then restored is watched again. When the kernel's event queue
/// overflows or a folder cannot be watched, the batch says so, so the next rebuild starts afresh.
final class DirectoryWatcher: @unchecked Sendable {
    /// Changes reported together.
    struct Batch: Sendable {
        /// The changed paths, sorted.
        var paths: [String]
        /// Problems to tell the user: folders that could not be watched, a lost queue.
        var notes: [String] = []
        /// Events may have been missed: rebuild from nothing rather than from what is remembered.
        var startsAfresh = false
        /// Whether every folder under the roots has been watched from the start, so that the
        /// paths are all that changed; false once a watch has failed.
        var isComplete = true
    }

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
    /// Watches on the folders holding the roots, which only look for the roots coming and going.
    private var parents: [Int32: String] = [:]
    private var stopped = false
    /// Problems met since the last batch.
    private var notes: [String] = []
    private var startsAfresh = false
    /// Set for good when a folder could not be watched: its changes are then never reported.
    private var missedFolder = false
    private let pending = Atomic<Bool>(false)

    /// Whether changes have been seen since the last `rebuildStarts()`: a rebuild under way is
    /// then building what is already out of date.
    var hasPendingChanges: Bool { pending.load(ordering: .relaxed) }

    /// Notes that a rebuild starts on the batch just taken: changes seen from now on are newer.
    func rebuildStarts() {
        pending.store(false, ordering: .relaxed)
    }
    /// Adds a watch; `inotify_add_watch` unless a test needs it to fail.
    private let addWatch: @Sendable (Int32, String, UInt32) -> Int32

    private static let mask: UInt32 =
        UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF) | UInt32(IN_DONT_FOLLOW) | UInt32(IN_ONLYDIR)

    /// Starts watching `roots` (missing folders are skipped, and watched once they appear).
    init(
        roots: [URL], debounce: TimeInterval = 0.1, maximumWait: TimeInterval = 1,
        addWatch: @escaping @Sendable (Int32, String, UInt32) -> Int32 = { inotify_add_watch($0, $1, $2) }
    ) throws {
        self.addWatch = addWatch
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
        for parent in Set(self.roots.map { ($0 as NSString).deletingLastPathComponent }) {
            let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) | UInt32(IN_ONLYDIR)
            let watch = addWatch(descriptor, parent, mask)
            if watch >= 0 { parents[watch] = parent } else { note(cannotWatch: parent) }
        }
        for root in self.roots { addRecursively(root) }
    }

    /// The problems met so far (starting, say), to tell the user at once; the next batch then
    /// carries only newer ones.
    func takeNotes() -> [String] {
        lock.withLock {
            defer { (notes, startsAfresh) = ([], false) }
            return notes
        }
    }

    private func note(cannotWatch path: String) {
        let reason = String(cString: strerror(errno))
        let hint =
            errno == ENOSPC
            ? " (the system's limit of inotify watches is reached: raise fs.inotify.max_user_watches)" : ""
        lock.withLock {
            notes.append("cannot watch \(path): \(reason)\(hint); changes there are seen only with the next rebuild")
            startsAfresh = true
            missedFolder = true
        }
    }

    /// Stops watching `path` and every folder under it: it was deleted or moved away.
    private func forget(_ path: String) {
        lock.withLock {
            for (watch, folder) in folders where folder == path || folder.hasPrefix(path + "/") {
                inotify_rm_watch(descriptor, watch)
                folders[watch] = nil
            }
        }
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
        let watch = addWatch(descriptor, path, Self.mask)
        guard watch >= 0 else { return note(cannotWatch: path) }
        lock.withLock { folders[watch] = path }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            addRecursively(path + "/" + name)
        }
    }

    /// Batches of changed paths, each reported once the folders have been quiet for `debounce`.
    /// The stream ends when `stop()` is called.
    func changes() -> AsyncStream<Batch> {
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
                            self.pending.store(true, ordering: .relaxed)
                            let now = Date()
                            if first == nil { first = now }
                            deadline = min(now.addingTimeInterval(debounce), first!.addingTimeInterval(maximumWait))
                        }
                    }
                    if let due = deadline, Date() >= due {
                        let (notes, afresh, missed) = lock.withLock {
                            defer { (self.notes, self.startsAfresh) = ([], false) }
                            return (self.notes, self.startsAfresh, self.missedFolder)
                        }
                        continuation.yield(
                            Batch(
                                paths: Array(Set(pending)).sorted(), notes: notes, startsAfresh: afresh,
                                isComplete: !missed))
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
                    lock.withLock {
                        notes.append("the kernel's queue of file events overflowed; rebuilding everything")
                        startsAfresh = true
                    }
                    paths += roots
                    for root in roots { addRecursively(root) }
                    offset = nameStart + Int(event.len)
                    continue
                }
                let name =
                    event.len > 0
                    ? String(cString: buffer.advanced(by: nameStart).assumingMemoryBound(to: CChar.self)) : ""
                offset = nameStart + Int(event.len)
                if let parent = lock.withLock({ parents[event.wd] }) {
                    // A root itself came or went (`mv content content.old`, then back).
                    let path = parent + "/" + name
                    guard roots.contains(path) else { continue }
                    forget(path)
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addRecursively(path) }
                    paths.append(path)
                    continue
                }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    // The kernel dropped the watch (its folder is gone).
                    lock.withLock { _ = folders.removeValue(forKey: event.wd) }
                    continue
                }
                guard let folder = lock.withLock({ folders[event.wd] }) else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if event.mask & UInt32(IN_ISDIR) != 0 {
                    // A folder moved away keeps its watches, which would then report its new
                    // place under its old name: they go, and come back if it does.
                    if event.mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 { forget(path) }
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addRecursively(path) }
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
