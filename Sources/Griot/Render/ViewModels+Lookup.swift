import Mustache

// Fast field lookup for the templates. swift-mustache otherwise finds every `{{name}}` through
// `Mirror`, which was a third of a build's time; a switch per view model does the same lookup
// directly. `ViewModelLookupTests` checks that each `child(named:)` answers exactly the stored
// properties `Mirror` sees, so a field added to a view model cannot be forgotten here.

extension SiteView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "subject": subject
        case "description": description
        case "language": language
        case "root": root
        default: nil
        }
    }
}

extension MetaView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "description": description
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "current": current
        case "plain": plain
        default: nil
        }
    }
}

extension DateView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "datetime": datetime
        case "edtf": edtf
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "summary": summary
        default: nil
        }
    }
}

extension TocItem: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "text": text
        case "nested": nested
        default: nil
        }
    }
}

extension EventView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "date": date
        case "title": title
        default: nil
        }
    }
}

extension SourceView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "publisher": publisher
        case "url": url
        case "date": date
        default: nil
        }
    }
}

extension RelationView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "established": established
        case "status": status
        case "statusLabel": statusLabel
        case "severed": severed
        default: nil
        }
    }
}

extension PageView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "meta": meta
        case "nav": nav
        case "title": title
        case "summary": summary
        case "region": region
        case "iso": iso
        case "relation": relation
        case "html": html
        case "toc": toc
        case "hasToc": hasToc
        case "related": related
        case "relatedTitle": relatedTitle
        case "hasRelated": hasRelated
        case "events": events
        case "hasEvents": hasEvents
        case "backlinks": backlinks
        case "hasBacklinks": hasBacklinks
        case "sources": sources
        case "hasSources": hasSources
        default: nil
        }
    }
}

extension TimelineEntryView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "date": date
        case "title": title
        case "url": url
        case "pageTitle": pageTitle
        case "kind": kind
        default: nil
        }
    }
}

extension TimelineYearView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "year": year
        case "entries": entries
        default: nil
        }
    }
}

extension TimelinePeriodView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "id": id
        case "years": years
        case "count": count
        default: nil
        }
    }
}

extension TimelineView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "meta": meta
        case "nav": nav
        case "periods": periods
        case "count": count
        default: nil
        }
    }
}

extension RelationRowView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        case "region": region
        case "established": established
        case "status": status
        case "statusLabel": statusLabel
        case "severed": severed
        default: nil
        }
    }
}

extension RelationTableView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "rows": rows
        default: nil
        }
    }
}

extension RegionView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "id": id
        case "rows": rows
        case "count": count
        default: nil
        }
    }
}

extension RelationsView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "meta": meta
        case "nav": nav
        case "byNameTable": byNameTable
        case "byDateTable": byDateTable
        case "regions": regions
        case "count": count
        case "datedCount": datedCount
        default: nil
        }
    }
}

extension RegionCountriesView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "countries": countries
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "meta": meta
        case "nav": nav
        case "title": title
        case "summary": summary
        case "html": html
        case "regions": regions
        case "topics": topics
        case "latest": latest
        case "countryCount": countryCount
        case "topicCount": topicCount
        case "eventCount": eventCount
        default: nil
        }
    }
}

extension NotFoundView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "meta": meta
        case "nav": nav
        default: nil
        }
    }
}
