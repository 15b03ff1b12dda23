import Foundation
import Synchronization
import Testing

@testable import Griot

#if canImport(Glibc)
    import Glibc
#endif

@Suite("The write stage: unchanged files kept, atomic swaps, locks and cleanup")
struct WriteStageTests {
    /// Each output file's inode and modification time, which a rewrite would change.
    static func identities(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let path as String in enumerator {
            var info = stat()
            guard lstat(folder.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                continue
            }
            result[path] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return result
    }

    @Test(
        "after a one-sentence edit only the edited page, its search entry and its new word's shard are rewritten; every other file keeps its time"
    )
    func unchangedFilesKeepTheirModificationTime() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        #expect(fixture.build().filesChanged == 0)
        let before = Self.identities(fixture.output)

        let gamma = try fixture.read("content/countries/gamma.md")
        try fixture.write("content/countries/gamma.md", gamma + "\nA second sentence.\n")
        let report = fixture.build()
        #expect(report.succeeded)
        #expect(report.filesChanged == 3)

        let after = Self.identities(fixture.output)
        #expect(Set(after.keys) == Set(before.keys))
        let rewritten = Set(after.keys.filter { after[$0] != before[$0] })
        let entry = try SearchIndexTests.entryPath(fixture, "countries/gamma")
        #expect(rewritten == ["countries/gamma/index.html", entry, "search/terms/se.js"])
        #expect(try fixture.read("public/countries/gamma/index.html").contains("A second sentence."))
    }

    @Test("a page removed from content/ disappears from the output, folder and all")
    func staleFilesAreRemoved() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write(
            "content/countries/epsilon.md",
            "---\ntitle: Epsilon\nsummary: Short-lived.\nsources:\n  - title: Notes\n---\nGone soon.\n")
        #expect(fixture.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: fixture.url("public/countries/epsilon/index.html").path))
        try FileManager.default.removeItem(at: fixture.url("content/countries/epsilon.md"))
        #expect(fixture.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: fixture.url("public/countries/epsilon").path))
        #expect(FixtureSite.snapshot(fixture.output).keys.allSatisfy { !$0.contains("epsilon") })
    }

    /// Counters shared between the test and its reader thread.
    final class ReaderState: Sendable {
        let stop = Atomic<Bool>(false)
        let reads = Atomic<Int>(0)
        let misses = Atomic<Int>(0)
        let finished = Atomic<Bool>(false)
    }

    @Test("a reader polling the output never finds a page missing while the site is rebuilt")
    func readersNeverSeeAMissingSite() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        let watched = ["index.html", "countries/alpha/index.html", "timeline/index.html"].map {
            fixture.output.appendingPathComponent($0).path
        }
        let state = ReaderState()
        Thread.detachNewThread {
            while !state.stop.load(ordering: .acquiring) {
                for path in watched {
                    if FileManager.default.contents(atPath: path)?.isEmpty ?? true {
                        state.misses.add(1, ordering: .relaxed)
                    }
                    state.reads.add(1, ordering: .releasing)
                }
            }
            state.finished.store(true, ordering: .releasing)
        }
        while state.reads.load(ordering: .acquiring) == 0 { sched_yield() }
        for round in 0..<15 {
            // Every round changes a page, so every round swaps in a new tree.
            try fixture.write(
                "content/countries/gamma.md", try fixture.read("content/countries/gamma.md") + "\nRound \(round).\n")
            #expect(fixture.build().filesChanged >= 1)
        }
        state.stop.store(true, ordering: .releasing)
        while !state.finished.load(ordering: .acquiring) { sched_yield() }
        #expect(state.reads.load(ordering: .acquiring) > 15)
        #expect(state.misses.load(ordering: .acquiring) == 0)
    }

    @Test("a killed build leaves the output as it was, and the next build cleans up after it")
    func aKilledBuildLeavesNoTrace() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        let before = FixtureSite.snapshot(fixture.output)
        // Enough pages that the build is still writing when it is killed.
        try fixture.addBulkPages(3000)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["build", "--site", fixture.root.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The lock file names its owner once the build starts writing: kill it then.
        let lock = fixture.url(".public.griot/lock").path
        while process.isRunning,
            (try? String(contentsOfFile: lock, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                != "\(process.processIdentifier)"
        {
            sched_yield()
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(process.terminationReason == .uncaughtSignal, "the build finished before it could be killed")

        #expect(FixtureSite.snapshot(fixture.output) == before)
        let report = fixture.build()
        #expect(report.succeeded)
        #expect(report.pagesWritten > 3000)
        let topLevel = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path)
        #expect(Set(topLevel) == ["content", "templates", "public", ".public.griot"])
        let work = try FileManager.default.contentsOfDirectory(atPath: fixture.url(".public.griot").path)
        #expect(Set(work).isSubset(of: ["lock", "trees", "fingerprints", "staging"]))
        #expect(FixtureSite.snapshot(fixture.url(".public.griot/staging")).keys.count <= before.count)
    }

    @Test("a second build of the same output while one is writing fails with a clear message")
    func concurrentBuildsAreLockedOut() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        let before = FixtureSite.snapshot(fixture.output)
        // Hold the lock as a running build would.
        let descriptor = open(fixture.url(".public.griot/lock").path, O_RDWR)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = ftruncate(descriptor, 0)
        _ = write(descriptor, "4242\n", 5)

        try fixture.write("content/countries/gamma.md", "---\ntitle: Gamma\nsummary: Changed.\n---\nChanged.\n")
        let report = fixture.build()
        #expect(!report.succeeded)
        let message = try #require(report.errors.first?.message)
        #expect(report.errors.first?.code == .outputBusy)
        #expect(message.contains("another griot build is writing to"))
        #expect(message.contains("4242"))
        #expect(report.errors.first?.hint?.contains("wait") == true)
        #expect(FixtureSite.snapshot(fixture.output) == before)

        flock(descriptor, LOCK_UN)
        #expect(fixture.build().succeeded)
    }

    @Test("a lock still held for a moment by a copy of this process's own descriptor (a forked child) is waited for")
    func ownLockHeldByAChildIsWaitedFor() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        // Another open of the lock file stands for the copy a child forked mid-build would hold;
        // it names this process, as the build that just released it wrote.
        let descriptor = open(fixture.url(".public.griot/lock").path, O_RDWR)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { flock(descriptor, LOCK_UN) }

        let report = fixture.build()
        #expect(report.succeeded, "\(report.errors.map(\.message))")
    }

    @Test("nothing of griot's own is published: no marker inside the site")
    func noMarkerInTheSite() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        #expect(fixture.build().succeeded)
        let published = FixtureSite.snapshot(fixture.output).keys
        #expect(!published.contains { $0.contains(".griot") })
        #expect(published.allSatisfy { !($0.split(separator: "/").last?.hasPrefix(".") ?? true) })
    }

    @Test("an output that is a symbolic link is refused, and its target left untouched")
    func aLinkedOutputIsRefused() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let elsewhere = fixture.url("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.output, withDestinationURL: elsewhere)
        let report = fixture.build()
        #expect(!report.succeeded)
        #expect(report.errors.first?.message.contains("symbolic link") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test("a long build shows a progress line on a terminal, and none when its output is piped")
    func progressOnlyOnATerminal() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.addBulkPages(3000)
        // `script` gives the build a pseudo-terminal; CI is unset there, as on a user's machine.
        let command = "env -u CI '\(CLI.executable.path)' build --site '\(fixture.root.path)'"
        let onTerminal = Process()
        onTerminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        onTerminal.arguments = ["-qec", command, "/dev/null"]
        let pipe = Pipe()
        onTerminal.standardOutput = pipe
        try onTerminal.run()
        let transcript = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        onTerminal.waitUntilExit()
        #expect(onTerminal.terminationStatus == 0)
        #expect(transcript.contains("rendering "), "\(transcript.prefix(300))")
        #expect(transcript.contains("Built 30") && transcript.contains(" pages in "))

        try fixture.write("content/countries/gamma.md", try fixture.read("content/countries/gamma.md") + "\nMore.\n")
        let piped = try CLI.run(["build", "--site", fixture.root.path])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("rendering") && !piped.stderr.contains("\r"))
    }
}
