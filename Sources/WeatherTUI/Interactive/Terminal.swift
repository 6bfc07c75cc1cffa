import WeatherApp

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A key, a resize, or nothing within the poll timeout.
enum TerminalInput: Equatable {
    case key(Key)
    case resized
}

/// What the screen's loop needs of a terminal: its size, the next input (waiting at most a poll's time), a
/// frame drawn. `CursesTerminal` is the real one; tests drive the loop with a fake, as ratatui's `TestBackend`.
protocol Terminal: AnyObject {
    var size: Size { get }
    func nextInput() -> TerminalInput?
    /// Input already waiting, without waiting for more (a paste arrives as thousands of keys at once).
    func pendingInput() -> TerminalInput?
    func draw(_ screen: Screen)
}

/// Carries out what the core asks for (`EffectRunner` for real; tests record the effects).
protocol EffectHandling: Sendable {
    func run(_ effect: Effect)
}

extension EffectRunner: EffectHandling {}

/// The screen's loop: input and finished effects become events, events become state and effects, state becomes
/// a frame, drawn only when it changed. Ends on `quit` or when `stop` says so (a signal).
struct ScreenLoop {
    let terminal: any Terminal
    let effects: any EffectHandling
    let queue: EventQueue
    let stop: () -> Bool
    var now: () -> Date = { Date() }
    /// The most input handled between two frames (the field takes 200 characters; the rest are dropped fast).
    static let keysPerFrame = 4096

    /// Runs until the state asks to quit or `stop` is true; `drawn` is the frame already on the terminal.
    func run(_ state: inout AppState, drawn: Screen) {
        var drawn = drawn
        var lastTick = ContinuousClock.now
        while !stop() {
            var events: [AppEvent] = []
            // Everything already typed or pasted is handled before the next frame: a frame per key made a
            // 3,000-character paste take ten seconds.
            var input = terminal.nextInput()
            while let next = input {
                switch next {
                case .key(let key): events.append(.key(key))
                case .resized: events.append(.resized(terminal.size))
                }
                input = events.count < Self.keysPerFrame ? terminal.pendingInput() : nil
            }
            events += queue.drain()
            let interval: Duration = if case .working = state.status { .milliseconds(100) } else { .seconds(1) }
            if ContinuousClock.now - lastTick >= interval {
                lastTick = ContinuousClock.now
                events.append(.tick(now()))
            }
            for event in events {
                for effect in state.handle(event) {
                    effects.run(effect)
                    if effect == .quit { return }
                }
            }
            let frame = render(state)
            if frame != drawn {
                terminal.draw(frame)
                drawn = frame
            }
        }
    }
}
