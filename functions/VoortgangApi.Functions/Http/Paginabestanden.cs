using System.Collections.Concurrent;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// The files of a page the app serves itself (the API reference, the beheer page): copied into the app's output at
/// build, from npm and from the repository, and read once. Only the names listed exist.
/// </summary>
public sealed class Paginabestanden(string map, IReadOnlyDictionary<string, string> typen)
{
    private readonly ConcurrentDictionary<string, string> _gelezen = new(StringComparer.Ordinal);

    /// <summary>Each file's name and media type.</summary>
    public IReadOnlyDictionary<string, string> Typen => typen;

    /// <summary>The text of a listed file, or null for any other name.</summary>
    public string? Lees(string naam) => typen.ContainsKey(naam) ? Tekst(naam) : null;

    /// <summary>The text of a file in the page's folder (listed or not: the page itself, a template).</summary>
    public string Tekst(string naam) => _gelezen.GetOrAdd(naam, n => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, map, n)));
}
