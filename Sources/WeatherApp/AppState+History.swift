import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The history: records kept, deleted and restored, pages read as the selection moves.
extension AppState {
    mutating func recordSaved(_ record: WeatherRecord, total: Int) -> [Effect] {
        if history.offset == 0 {
            history.records.insert(record, at: 0)
        } else {
            history.offset += 1
        }
        history.total = total
        history.selected = focus == .history ? history.selected + 1 : 0
        scrollHistory()
        status = .info(labels.say(.recorded, ["place": record.place.name, "id": String(record.id.prefix(8))]))
        return moreHistoryIfNeeded() + requestSync()
    }

    mutating func recordDeleted(_ record: WeatherRecord, total: Int) -> [Effect] {
        if let index = history.records.firstIndex(where: { $0.id == record.id }) {
            history.records.remove(at: index)
        }
        if opened?.id == record.id { opened = nil }
        history.total = total
        history.selected = min(history.selected, max(0, total - 1))
        scrollHistory()
        status = .info(labels.say(.deleted, ["place": record.place.name, "id": String(record.id.prefix(8))]))
        return moreHistoryIfNeeded() + requestSync()
    }

    mutating func recordRestored(_ record: WeatherRecord?) -> [Effect] {
        guard let record else {
            status = .info(labels.say(.nothingToUndo))
            return []
        }
        status = .info(labels.say(.restored, ["place": record.place.name, "id": String(record.id.prefix(8))]))
        return reloadHistory() + requestSync()
    }

    /// `r`: keep the result on screen (never a record already kept, nor a result without current weather).
    mutating func recordResult() -> [Effect] {
        if opened != nil {
            status = .info(labels.say(.keptAlreadyPressF))
            return []
        }
        guard let result else {
            status = .error(labels.say(.nothingToRecord))
            return []
        }
        guard result.forecast.current != nil else {
            status = .error(labels.say(.noCurrentToRecord))
            return []
        }
        return [.saveRecord(result.forecast, units: units, offline: result.staleReason != nil)]
    }

    /// Enter on a history row: the record as it was kept, in the result pane.
    mutating func openSelected() -> [Effect] {
        guard let record = history.selectedRecord else { return [] }
        opened = record
        openedTrend = nil
        focus = .result
        status = .idle
        return cancelActive() + [.loadTrend(recordID: record.id)]
    }

    mutating func select(_ index: Int) -> [Effect] {
        guard history.total > 0 else { return [] }
        history.selected = max(0, min(index, history.total - 1))
        scrollHistory()
        return moreHistoryIfNeeded()
    }

    /// Merges a page into the loaded window, keeps the selection on its record, and reads on if the selection is
    /// still not loaded.
    mutating func historyLoaded(_ page: HistoryPage) -> [Effect] {
        let offset = page.offset < 0 ? history.windowEnd : page.offset
        if !page.replacing, !history.records.isEmpty, offset == history.windowEnd {
            let known = Set(history.records.map(\.id))
            history.records += page.records.filter { !known.contains($0.id) }
        } else if !page.replacing, !history.records.isEmpty, offset + page.records.count == history.offset {
            let known = Set(history.records.map(\.id))
            let fresh = page.records.filter { !known.contains($0.id) }
            history.records.insert(contentsOf: fresh, at: 0)
            history.offset -= fresh.count
        } else {
            history.records = page.records
            history.offset = offset
        }
        history.total = max(page.total, history.windowEnd)
        history.placeOffsets.merge(page.placeOffsets) { $1 }
        history.localOffsets.merge(page.localOffsets) { $1 }
        history.loaded = true
        history.unavailable = false
        history.loadingMore = false
        if let id = page.selecting, let index = history.records.firstIndex(where: { $0.id == id }) {
            history.selected = history.offset + index
        }
        history.selected = max(0, min(history.selected, history.total - 1))
        scrollHistory()
        return page.records.isEmpty ? [] : moreHistoryIfNeeded()
    }

    /// Reads the window again around the selected record (changes came from elsewhere, or an undo).
    mutating func reloadHistory() -> [Effect] {
        history.loadingMore = true
        let limit = max(Self.pageSize, history.records.count)
        guard let selected = history.selectedRecord else { return [.loadHistory(.newest(limit: limit))] }
        return [.loadHistory(.around(id: selected.id, limit: limit))]
    }

    /// Asks for the page the selection needs: the next one near either end of the loaded window, or, after a
    /// jump (Home, End), the page at that end of the whole history.
    mutating func moreHistoryIfNeeded() -> [Effect] {
        guard history.loaded, !history.loadingMore, history.total > 0 else { return [] }
        let margin = max(10, historyRows)
        let request: HistoryRequest?
        if history.records.isEmpty || history.selected >= history.windowEnd + margin
            || history.selected < history.offset - margin
        {
            request =
                history.selected >= history.total - Self.pageSize
                ? .oldest(limit: Self.pageSize) : .newest(limit: max(Self.pageSize, history.selected + margin))
        } else if history.windowEnd < history.total, history.selected >= history.windowEnd - margin,
            let last = history.records.last
        {
            request = .older(than: last.id, limit: Self.pageSize)
        } else if history.offset > 0, history.selected < history.offset + margin, let first = history.records.first {
            request = .newer(than: first.id, limit: Self.pageSize)
        } else {
            request = nil
        }
        guard let request else { return [] }
        history.loadingMore = true
        return [.loadHistory(request)]
    }

    /// Keeps the selected record within the visible rows.
    mutating func scrollHistory() {
        let rows = max(1, historyRows)
        if history.selected < history.top { history.top = history.selected }
        if history.selected >= history.top + rows { history.top = history.selected - rows + 1 }
        history.top = max(0, min(history.top, max(0, history.total - rows)))
    }
}
