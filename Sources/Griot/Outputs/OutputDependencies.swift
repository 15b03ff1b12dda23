/// Which outputs read which inputs, kept between builds so that a rebuild fingerprints again only
/// the outputs that read an input whose value changed; every other output keeps its fingerprint
/// without its inputs being listed.
///
/// That is sound because what an output reads is itself decided by inputs it declares: a page
/// lists its related pages through `.related(id)`, the home page its countries through
/// `.pageList(.country)`, so an output whose declared inputs all kept their values also reads the
/// same inputs as before.
struct OutputDependencies: Sendable {
    /// The salt of the fingerprints (the program and the templates) the record was made with.
    private var salt: UInt64 = 0
    /// The values of the inputs of the last build.
    private var siteValues: [SiteInput: UInt64] = [:]
    /// The values of each page's inputs in the last build.
    private(set) var pageValues = OutputFingerprints.PageValueTable()
    /// The cross-references `pageValues` were computed with.
    private(set) var versions: (related: UInt64?, backlinks: UInt64?) = (nil, nil)
    /// The inputs each output declared when its fingerprint was last computed.
    private var inputs: [String: Set<SiteInput>] = [:]
    private var readers: [SiteInput: Set<String>] = [:]

    init() {}

    /// The outputs that may read differently under `fingerprints` than when the record was made;
    /// nil when that is not known (the first build, a changed template or program): all of them.
    func outputsToRecheck(_ fingerprints: OutputFingerprints) -> Set<String>? {
        guard fingerprints.salt == salt, !inputs.isEmpty else { return nil }
        var changed: [SiteInput] = []
        for (input, value) in fingerprints.siteValues where siteValues[input] != value { changed.append(input) }
        func compare(
            _ id: PageID, _ values: OutputFingerprints.PageInputValues, _ old: OutputFingerprints.PageInputValues
        ) {
            guard old != values else { return }
            for ((input, value), (_, oldValue)) in zip(values.inputs(of: id), old.inputs(of: id))
            where value != oldValue {
                changed.append(input)
            }
        }
        let new = fingerprints.pageValues
        if new.version != 0, new.version == pageValues.version {
            // The same pages: compared place by place.
            for index in new.ids.indices { compare(new.ids[index], new.values[index], pageValues.values[index]) }
        } else {
            let oldByID = pageValues.byID
            let newByID = new.byID
            for (id, values) in newByID {
                guard let old = oldByID[id] else {
                    changed += values.inputs(of: id).map(\.0)
                    continue
                }
                compare(id, values, old)
            }
            for (id, old) in oldByID where newByID[id] == nil { changed += old.inputs(of: id).map(\.0) }
        }
        var recheck = Set<String>()
        for input in changed { recheck.formUnion(readers[input] ?? []) }
        return recheck
    }

    /// Records the inputs of the outputs fingerprinted in this build (`declared`) and drops the
    /// outputs the site no longer has (`outputs`: nil when they are the same as the last build's).
    mutating func update(
        _ fingerprints: OutputFingerprints, declared: [String: Set<SiteInput>], outputs: Set<String>?
    ) {
        if fingerprints.salt != salt {
            self = OutputDependencies()
            salt = fingerprints.salt
        }
        siteValues = fingerprints.siteValues
        pageValues = fingerprints.pageValues
        versions = (fingerprints.relatedVersion, fingerprints.backlinksVersion)
        if let outputs { for path in inputs.keys where !outputs.contains(path) { forget(path) } }
        for (path, declaredInputs) in declared {
            forget(path)
            inputs[path] = declaredInputs
            for input in declaredInputs { readers[input, default: []].insert(path) }
        }
    }

    private mutating func forget(_ path: String) {
        guard let old = inputs.removeValue(forKey: path) else { return }
        for input in old {
            readers[input]?.remove(path)
            if readers[input]?.isEmpty == true { readers[input] = nil }
        }
    }
}
