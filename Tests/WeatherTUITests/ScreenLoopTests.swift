import Foundation
import Synchronization
import Testing
import WeatherApp
import WeatherCore

@testable import WeatherTUI

/// The screen's loop without a terminal: scripted keys and resizes in, frames out (tmux tests keep the real one).
@Suite struct ScreenLoopTests {
    /// A terminal that plays `inputs`, one a poll, and keeps every frame drawn.
    final class FakeTerminal: Terminal {
        var size: Size
        var inputs: [TerminalInput?]
        var frames: [Screen] = []
        var played: Int { consumed }
        private var consumed = 0

        init(size: Size, inputs: [TerminalInput?]) {
            self.size = size
            self.inputs = inputs
        }

        var finished: Bool { consumed >= inputs.count }

        func nextInput() -> TerminalInput? {
            guard consumed < inputs.count else { return nil }
            defer { consumed += 1 }
            if case .resized = inputs[consumed] { size = Size(width: 60, height: 16) }
            return inputs[consumed]
        }

        /// The next input when it is part of the same burst (a `nil` entry ends a burst: a pause in typing).
        func pendingInput() -> TerminalInput? {
            guard consumed < inputs.count, inputs[consumed] != nil else { return nil }
            return nextInput()
        }

        func draw(_ screen: Screen) { frames.append(screen) }
    }

    /// Notes the effects the core asked for.
    final class Effects: EffectHandling {
        let seen = Mutex<[Effect]>([])
        func run(_ effect: Effect) { seen.withLock { $0.append(effect) } }
    }

    static func state(_ size: Size) -> AppState {
        AppState(
            size: size, units: .metric, language: .english, ascii: false,
            now: Date(timeIntervalSince1970: 1_795_790_000), localOffset: 0)
    }

    /// Keys that arrive together (typed fast, or pasted).
    static func keys(_ text: String) -> [TerminalInput?] { text.map { .key(.character($0)) } }

    /// Keys typed one at a time, a poll apart.
    static func typed(_ text: String) -> [TerminalInput?] { text.flatMap { [.key(.character($0)), nil] } }

    @Test func keysBecomeFramesAndEffects() {
        let size = Size(width: 80, height: 24)
        var state = Self.state(size)
        let terminal = FakeTerminal(size: size, inputs: Self.typed("Oslo") + [.key(.enter)])
        let effects = Effects()
        ScreenLoop(terminal: terminal, effects: effects, queue: EventQueue(), stop: { terminal.finished }).run(
            &state, drawn: render(state))
        // Each key changed the field, so each drew a frame; the last shows what was typed
        #expect(terminal.frames.count >= 4)
        #expect(terminal.frames.last?.textLines.joined().contains("Oslo") == true)
        // Enter asked for a search of what was typed
        #expect(effects.seen.withLock { $0 }.contains { if case .searchPlaces("Oslo", _) = $0 { true } else { false } })
    }

    @Test func aResizeDrawsAFrameOfTheNewSize() {
        let size = Size(width: 80, height: 24)
        var state = Self.state(size)
        let terminal = FakeTerminal(size: size, inputs: [nil, .resized, nil])
        ScreenLoop(terminal: terminal, effects: Effects(), queue: EventQueue(), stop: { terminal.finished }).run(
            &state, drawn: render(state))
        #expect(terminal.frames.last?.size == Size(width: 60, height: 16))
    }

    @Test func quitEndsTheLoopAndLeavesTheRestUnread() {
        let size = Size(width: 80, height: 24)
        var state = Self.state(size)
        // Keys in the same burst as Ctrl-C are read with it but never handled; later ones are never read
        let terminal = FakeTerminal(
            size: size, inputs: [.key(.control("c"))] + Self.keys("dropped") + [nil] + Self.keys("never read"))
        let effects = Effects()
        ScreenLoop(terminal: terminal, effects: effects, queue: EventQueue(), stop: { terminal.finished }).run(
            &state, drawn: render(state))
        #expect(effects.seen.withLock { $0 }.last == .quit)
        #expect(state.query.text == "")
        #expect(terminal.played == 8)
    }

    @Test func aSignalEndsTheLoopBetweenPolls() {
        let size = Size(width: 80, height: 24)
        var state = Self.state(size)
        // Input that never ends: only the stop flag (what SIGTERM sets) can end the loop
        let terminal = FakeTerminal(size: size, inputs: Array(repeating: nil, count: 1_000_000))
        let polls = Mutex(0)
        ScreenLoop(
            terminal: terminal, effects: Effects(), queue: EventQueue(),
            stop: {
                polls.withLock { count in
                    count += 1
                    return count > 5
                }
            }
        ).run(&state, drawn: render(state))
        #expect(terminal.played == 5)
    }

    @Test func finishedEffectsArriveAsEventsThroughTheQueue() {
        let size = Size(width: 80, height: 24)
        var state = Self.state(size)
        let queue = EventQueue()
        queue.push(.storeFailed(message: "The store is on fire."))
        let terminal = FakeTerminal(size: size, inputs: [nil])
        ScreenLoop(terminal: terminal, effects: Effects(), queue: queue, stop: { terminal.finished }).run(
            &state, drawn: render(state))
        #expect(terminal.frames.last?.textLines.joined().contains("The store is on fire.") == true)
    }

    @Test func aLongPasteIsOneFrameAndTheFieldKeepsItsLimit() {
        let size = Size(width: 80, height: 24)
        var state = Self.state(size)
        let paste = String(repeating: "Springfield, ", count: 240)  // 3,120 characters at once
        let terminal = FakeTerminal(size: size, inputs: Self.keys(paste) + [nil])
        ScreenLoop(terminal: terminal, effects: Effects(), queue: EventQueue(), stop: { terminal.finished }).run(
            &state, drawn: render(state))
        // One frame for the whole paste, not one a key; the field kept its first 200 characters
        #expect(terminal.frames.count == 1)
        #expect(state.query.text == String(paste.prefix(200)))
    }
}
