import Foundation

/// When pages last changed, for the feed and the sitemap: a page's own `updated` field, else the
/// day of the last Git commit that changed its file, else the file's modification day (UTC).
enum LastUpdated {
    /// `pages` with `updated` filled in for every page that has no `updated` field.
    static func fill(_ pages: inout [Page], siteDirectory: URL) {
        guard pages.contains(where: { $0.updated == nil }) else { return }
        let commits = commitDays(in: siteDirectory)
        for index in pages.indices where pages[index].updated == nil {
            let file = pages[index].file
            pages[index].updated = commits[file] ?? modificationDay(of: siteDirectory.appendingPathComponent(file))
        }
    }

    /// For each file under `content/` that Git knows, the day of the last commit that changed it;
    /// empty when the site is not in a Git repository or Git is not installed.
    static func commitDays(in siteDirectory: URL) -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Newest first; paths relative to the site folder, as the pages know their files.
        process.arguments = [
            "git", "-C", siteDirectory.path, "log", "--format=%x00%ct", "--name-only", "--relative", "--no-renames",
            "--", "content",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        var days: [String: String] = [:]
        var current: String?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("\0") {
                current = TimeInterval(line.dropFirst()).map { day(of: Date(timeIntervalSince1970: $0)) }
            } else if let current, days[String(line)] == nil {
                days[String(line)] = current
            }
        }
        return days
    }

    private static func modificationDay(of url: URL) -> String? {
        guard let date = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        else { return nil }
        return day(of: date)
    }

    /// `2024-12-17`, in UTC.
    static func day(of date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}
