/// Where the last load placed each listed page file: for a next load over the same files, every
/// folder vouched for by a file watcher, to look only at the files that changed instead of
/// walking all of them again.
struct LoadedPages: Sendable {
    /// What a file gave the load.
    enum Place: Sendable, Equatable {
        /// A page, at this index of `pages`.
        case page(Int)
        /// A draft left out.
        case draft
        /// A file that could not be loaded.
        case failed
    }

    /// Every listed page file, in listing order.
    var paths: [String] = []
    /// What each file of `paths` gave.
    var places: [Place] = []
    var pages: [Page] = []
    var draftFiles: Set<String> = []
    var failedFiles: Set<String> = []
    /// The files that gave diagnostics, by index in `paths`, ascending.
    var withDiagnostics: [Int] = []
    /// The files left out of the file table, changed too recently for their identity to be
    /// trusted (or gone), by index in `paths`: read again by the next load.
    var unkept: [Int] = []

    /// Most files a load looks at one by one before walking them all pays more.
    private static let mostChanged = 64

    /// Takes in the files at `changed` (indices in `paths`) and those left unkept last time, each
    /// as `load` gives it from its number and its entry in `files` (the file table), updating
    /// `files` to match; returns the diagnostics of every file, in order. Nil, with nothing
    /// changed, when a file stops or starts being a page (or turns draft), or when too many
    /// changed: the load then walks every file.
    mutating func update(
        changed: [Int], files: inout [String: LoadedFile], includeDrafts: Bool,
        load: (Int, LoadedFile?) -> (LoadedFile, trusted: Bool)
    ) -> [Diagnostic]? {
        let numbers = Set(changed + unkept).sorted()
        guard numbers.count <= Self.mostChanged else { return nil }
        let fresh = numbers.map { load($0, files[paths[$0]]) }
        for (number, (file, _)) in zip(numbers, fresh) {
            let same =
                switch (places[number], file.page) {
                case (.page, let page?): includeDrafts || !page.draft
                case (.draft, let page?): !includeDrafts && page.draft
                case (.failed, nil): true
                default: false
                }
            guard same else { return nil }
        }
        var loaded: [Int: LoadedFile] = [:]
        unkept = []
        for (number, (file, trusted)) in zip(numbers, fresh) {
            files[paths[number]] = trusted ? file : nil
            if !trusted { unkept.append(number) }
            if case .page(let slot) = places[number], let page = file.page { pages[slot] = page }
            loaded[number] = file
        }
        let unchanged = withDiagnostics.filter { loaded[$0] == nil }
        withDiagnostics = (unchanged + numbers.filter { !(loaded[$0]?.diagnostics.isEmpty ?? true) }).sorted()
        return withDiagnostics.flatMap { (loaded[$0] ?? files[paths[$0]])?.diagnostics ?? [] }
    }
}
