import CommandLineKit
import Testing
import WeatherCore

@testable import WeatherTUI

/// `--help` speaks the reader's language: every sentence of every command's help has its translation.
@Suite struct HelpLanguageTests {
    /// Every sentence the help of `spec` and its subcommands shows.
    static func sentences(_ spec: CommandSpec) -> [String] {
        var all = [spec.abstract, spec.discussion] + spec.arguments.map(\.help) + spec.options.map(\.help)
        for subcommand in spec.subcommands { all += sentences(subcommand) }
        return all.filter { !$0.isEmpty }
    }

    @Test(arguments: [Language.french, .german])
    func everySentenceIsTranslated(language: Language) {
        let labels = Labels.forLanguage(language)
        let wanted = Set(Self.sentences(Meteo.spec) + HelpText.ownSentences)
        let missing = wanted.filter { labels.help[$0] == nil }.sorted()
        #expect(missing.isEmpty, "\(language) lacks: \(missing.map { "\"\($0)\"" }.joined(separator: "\n"))")
        // Nothing stale: every translation is of a sentence the help still shows
        let unused = Set(labels.help.keys).subtracting(wanted).sorted()
        #expect(unused.isEmpty, "\(language) translates what no help says: \(unused)")
    }
}
