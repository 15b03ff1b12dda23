// Field lookup for the templates: a switch per view model, no reflection and no dynamic casts.
// `ViewModelLookupTests` checks that each `value(named:)` answers exactly the stored properties
// `Mirror` sees, so a field added to a view model cannot be forgotten here.

extension SiteView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "title": TemplateValue(title)
        case "subject": TemplateValue(subject)
        case "description": TemplateValue(description)
        case "language": TemplateValue(language)
        case "root": TemplateValue(root)
        case "feed": TemplateValue(feed)
        default: .missing
        }
    }
}

extension MetaView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "title": TemplateValue(title)
        case "description": TemplateValue(description)
        case "canonical": TemplateValue(canonical)
        case "type": TemplateValue(type)
        default: .missing
        }
    }
}

extension NavItem: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "current": TemplateValue(current)
        case "plain": TemplateValue(plain)
        default: .missing
        }
    }
}

extension DateView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "text": TemplateValue(text)
        case "datetime": TemplateValue(datetime)
        case "edtf": TemplateValue(edtf)
        default: .missing
        }
    }
}

extension LinkView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "summary": TemplateValue(summary)
        default: .missing
        }
    }
}

extension TocItem: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "id": TemplateValue(id)
        case "text": TemplateValue(text)
        case "nested": TemplateValue(nested)
        default: .missing
        }
    }
}

extension EventView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "date": TemplateValue(date)
        case "title": TemplateValue(title)
        default: .missing
        }
    }
}

extension SourceView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "title": TemplateValue(title)
        case "publisher": TemplateValue(publisher)
        case "url": TemplateValue(url)
        case "date": TemplateValue(date)
        default: .missing
        }
    }
}

extension RelationView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "established": TemplateValue(established)
        case "status": TemplateValue(status)
        case "statusLabel": TemplateValue(statusLabel)
        case "severed": TemplateValue(severed)
        default: .missing
        }
    }
}

extension PageView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "site": TemplateValue(site)
        case "meta": TemplateValue(meta)
        case "nav": TemplateValue(nav)
        case "title": TemplateValue(title)
        case "summary": TemplateValue(summary)
        case "region": TemplateValue(region)
        case "iso": TemplateValue(iso)
        case "relation": TemplateValue(relation)
        case "html": TemplateValue(html)
        case "toc": TemplateValue(toc)
        case "hasToc": TemplateValue(hasToc)
        case "related": TemplateValue(related)
        case "relatedTitle": TemplateValue(relatedTitle)
        case "hasRelated": TemplateValue(hasRelated)
        case "events": TemplateValue(events)
        case "hasEvents": TemplateValue(hasEvents)
        case "eventStrip": TemplateValue(eventStrip)
        case "backlinks": TemplateValue(backlinks)
        case "hasBacklinks": TemplateValue(hasBacklinks)
        case "sources": TemplateValue(sources)
        case "hasSources": TemplateValue(hasSources)
        default: .missing
        }
    }
}

extension TimelineEntryView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "date": TemplateValue(date)
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "pageTitle": TemplateValue(pageTitle)
        case "kind": TemplateValue(kind)
        case "page": TemplateValue(page)
        default: .missing
        }
    }
}

extension TimelineYearView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "year": TemplateValue(year)
        case "entries": TemplateValue(entries)
        default: .missing
        }
    }
}

extension TimelinePeriodView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "label": TemplateValue(label)
        case "id": TemplateValue(id)
        case "years": TemplateValue(years)
        case "count": TemplateValue(count)
        default: .missing
        }
    }
}

extension TimelineView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "site": TemplateValue(site)
        case "meta": TemplateValue(meta)
        case "nav": TemplateValue(nav)
        case "periods": TemplateValue(periods)
        case "filterCountries": TemplateValue(filterCountries)
        case "filterTopics": TemplateValue(filterTopics)
        case "chart": TemplateValue(chart)
        case "count": TemplateValue(count)
        default: .missing
        }
    }
}

extension RelationRowView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "name": TemplateValue(name)
        case "url": TemplateValue(url)
        case "region": TemplateValue(region)
        case "regionID": TemplateValue(regionID)
        case "rowID": TemplateValue(rowID)
        case "established": TemplateValue(established)
        case "status": TemplateValue(status)
        case "statusLabel": TemplateValue(statusLabel)
        case "severed": TemplateValue(severed)
        case "rankName": TemplateValue(rankName)
        case "rankRegion": TemplateValue(rankRegion)
        case "rankDate": TemplateValue(rankDate)
        case "rankStatus": TemplateValue(rankStatus)
        default: .missing
        }
    }
}

extension RegionView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "name": TemplateValue(name)
        case "id": TemplateValue(id)
        case "count": TemplateValue(count)
        default: .missing
        }
    }
}

extension StatusView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "status": TemplateValue(status)
        case "label": TemplateValue(label)
        case "count": TemplateValue(count)
        default: .missing
        }
    }
}

extension ChartView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "svg": TemplateValue(svg)
        case "caption": TemplateValue(caption)
        case "legend": TemplateValue(legend)
        case "hasLegend": TemplateValue(hasLegend)
        default: .missing
        }
    }
}

extension LegendItemView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "name": TemplateValue(name)
        case "series": TemplateValue(series)
        default: .missing
        }
    }
}

extension RelationsView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "site": TemplateValue(site)
        case "meta": TemplateValue(meta)
        case "nav": TemplateValue(nav)
        case "rows": TemplateValue(rows)
        case "regions": TemplateValue(regions)
        case "statuses": TemplateValue(statuses)
        case "chart": TemplateValue(chart)
        case "count": TemplateValue(count)
        case "datedCount": TemplateValue(datedCount)
        default: .missing
        }
    }
}

extension ListingView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "site": TemplateValue(site)
        case "meta": TemplateValue(meta)
        case "nav": TemplateValue(nav)
        case "title": TemplateValue(title)
        case "summary": TemplateValue(summary)
        case "noun": TemplateValue(noun)
        case "count": TemplateValue(count)
        case "regions": TemplateValue(regions)
        case "hasRegions": TemplateValue(hasRegions)
        case "letters": TemplateValue(letters)
        default: .missing
        }
    }
}

extension ListingRegionView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "name": TemplateValue(name)
        case "id": TemplateValue(id)
        case "pages": TemplateValue(pages)
        case "count": TemplateValue(pages.count)
        default: .missing
        }
    }
}

extension ListingLetterView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "letter": TemplateValue(letter)
        case "id": TemplateValue(id)
        case "pages": TemplateValue(pages)
        default: .missing
        }
    }
}

extension RegionCountriesView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "name": TemplateValue(name)
        case "countries": TemplateValue(countries)
        default: .missing
        }
    }
}

extension HomeView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "site": TemplateValue(site)
        case "meta": TemplateValue(meta)
        case "nav": TemplateValue(nav)
        case "title": TemplateValue(title)
        case "summary": TemplateValue(summary)
        case "html": TemplateValue(html)
        case "regions": TemplateValue(regions)
        case "topics": TemplateValue(topics)
        case "latest": TemplateValue(latest)
        case "countryCount": TemplateValue(countryCount)
        case "topicCount": TemplateValue(topicCount)
        case "eventCount": TemplateValue(eventCount)
        default: .missing
        }
    }
}

extension NotFoundView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "site": TemplateValue(site)
        case "meta": TemplateValue(meta)
        case "nav": TemplateValue(nav)
        default: .missing
        }
    }
}

extension FilterOptionView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "key": TemplateValue(self.key)
        case "title": TemplateValue(title)
        default: .missing
        }
    }
}

extension BacklinkView: TemplateObject {
    func value(named key: String) -> TemplateValue {
        switch key {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "context": TemplateValue(context)
        default: .missing
        }
    }
}
