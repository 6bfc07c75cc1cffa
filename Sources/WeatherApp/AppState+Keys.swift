import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Keys: the overlays first, then typing in the search bar, then the keymap's actions.
extension AppState {
    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .control("c") { return quit() }
        switch overlay {
        case .pickList(let places, let selected): return handlePickList(key, places: places, selected: selected)
        case .help:
            if key == .escape || key == .character("?") || key == .character("q") || key == .enter { overlay = nil }
            return []
        case nil: break
        }
        if focus == .search, let effects = handleTyping(key) { return effects }
        // The record view goes back to the history it was opened from.
        if opened != nil, focus == .result, key == .escape || key == .tab || key == .backTab {
            opened = nil
            focus = .history
            return []
        }
        guard let action = keymap.action(for: key, in: focus) else { return [] }
        return perform(action)
    }

    /// Text editing in the search bar; `nil` when the key is not an editing key.
    mutating func handleTyping(_ key: Key) -> [Effect]? {
        switch key {
        case .character(let character): query.insert(character)
        case .backspace: query.deleteBackward()
        case .delete: query.deleteForward()
        case .left: query.moveLeft()
        case .right: query.moveRight()
        case .home, .control("a"): query.moveHome()
        case .end, .control("e"): query.moveEnd()
        case .control("u"): query.deleteToStart()
        case .control("w"): query.deleteWordBackward()
        case .control("k"): query.deleteToEnd()
        default: return nil
        }
        return []
    }

    mutating func handlePickList(_ key: Key, places: [Place], selected: Int) -> [Effect] {
        switch key {
        case .up, .character("k"), .backTab:
            overlay = .pickList(places, selected: max(0, selected - 1))
        case .down, .character("j"), .tab:
            overlay = .pickList(places, selected: min(places.count - 1, selected + 1))
        case .home: overlay = .pickList(places, selected: 0)
        case .end: overlay = .pickList(places, selected: places.count - 1)
        case .enter:
            overlay = nil
            return fetch(places[selected])
        case .escape, .character("q"):
            overlay = nil
        default: break
        }
        return []
    }

    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .submitSearch: return submitSearch()
        case .record: return recordResult()
        case .deleteSelected:
            guard history.records.indices.contains(history.selected) else { return [] }
            return [.deleteRecord(id: history.records[history.selected].id)]
        case .undo: return [.undoDelete]
        case .toggleUnits:
            units = units == .metric ? .imperial : .metric
            status = .info(labels.say(units == .metric ? .metricUnits : .imperialUnits))
            return []
        case .help:
            overlay = .help
            return []
        case .cancel: return cancel()
        case .quit: return quit()
        case .nextFocus:
            focus = focus.next
            return []
        case .previousFocus:
            focus = focus.previous
            return []
        case .focusSearch:
            focus = .search
            return []
        case .moveUp: return select(history.selected - 1)
        case .moveDown: return select(history.selected + 1)
        case .pageUp: return select(history.selected - max(1, historyRows - 1))
        case .pageDown: return select(history.selected + max(1, historyRows - 1))
        case .first: return select(0)
        case .last: return select(history.total - 1)
        case .open: return openSelected()
        case .fetchNow:
            guard let place = opened?.place ?? result?.forecast.place else { return [] }
            return fetch(place)
        }
    }

    mutating func quit() -> [Effect] {
        isQuitting = true
        return cancelActive() + [.quit]
    }
}
