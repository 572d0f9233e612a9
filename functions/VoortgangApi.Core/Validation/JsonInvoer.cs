using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoortgangApi.Core.Validation;

/// <summary>
/// Checks a request body before the schema does, so that no text that breaks a later writer (XML, CSV, a feed) is
/// ever stored: duplicate keys, lone surrogates and control characters are refused with their JSON path; every
/// string is trimmed and NFC-normalised. Line breaks are allowed only in the fields named in the second argument.
/// </summary>
public static class JsonInvoer
{
    private const int MaxDiepte = 32;

    public static (string? Json, IReadOnlyList<OngeldigeInvoer> Fouten) Normaliseer(string body, IReadOnlySet<string> meerdereRegels)
    {
        var fouten = new List<OngeldigeInvoer>();
        try
        {
            Controleer(Encoding.UTF8.GetBytes(body), meerdereRegels, fouten);
        }
        catch (JsonException)
        {
            return (null, [new OngeldigeInvoer("$", "geenJson", $"de body is geen geldige JSON (of dieper genest dan {MaxDiepte}).")]);
        }

        if (fouten.Count > 0)
        {
            return (null, fouten);
        }

        var node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDiepte });
        return (Herschrijf(node)?.ToJsonString(VoortgangJson.Options) ?? "null", []);
    }

    private static void Controleer(byte[] utf8, IReadOnlySet<string> meerdereRegels, List<OngeldigeInvoer> fouten)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDiepte });
        var paden = new Stack<(string Pad, HashSet<string>? Sleutels, int Index)>();
        var pad = "$";
        string? eigenschap = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var hier = Volgende(paden, pad, eigenschap);
                    paden.Push((hier, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, 0));
                    eigenschap = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    paden.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var (objectPad, sleutels, _) = paden.Peek();
                    eigenschap = Tekst(ref reader, objectPad + ".(sleutel)", fouten) ?? "?";
                    if (!sleutels!.Add(eigenschap))
                    {
                        fouten.Add(new($"{objectPad}.{eigenschap}", "dubbeleSleutel", "deze sleutel komt meer dan eens voor in hetzelfde object."));
                    }

                    break;
                default:
                    var waardePad = Volgende(paden, pad, eigenschap);
                    if (reader.TokenType == JsonTokenType.String && Tekst(ref reader, waardePad, fouten) is { } tekst)
                    {
                        ControleerTekens(tekst, waardePad, eigenschap is not null && meerdereRegels.Contains(eigenschap), fouten);
                    }

                    eigenschap = null;
                    break;
            }
        }
    }

    // The path of the next value: a property of the current object, or the next element of the current array.
    private static string Volgende(Stack<(string Pad, HashSet<string>? Sleutels, int Index)> paden, string wortel, string? eigenschap)
    {
        if (paden.Count == 0)
        {
            return wortel;
        }

        var (pad, sleutels, index) = paden.Pop();
        paden.Push((pad, sleutels, sleutels is null ? index + 1 : index));
        return sleutels is null ? $"{pad}[{index}]" : $"{pad}.{eigenschap}";
    }

    private static string? Tekst(ref Utf8JsonReader reader, string pad, List<OngeldigeInvoer> fouten)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) is valid JSON but no Unicode text: every encoder downstream fails on it.
            fouten.Add(new(pad, "ongeldigeUnicode", "de tekst bevat een ongeldig Unicode-teken (een losse surrogaat)."));
            return null;
        }
    }

    private static void ControleerTekens(string tekst, string pad, bool regelsToegestaan, List<OngeldigeInvoer> fouten)
    {
        foreach (var c in tekst)
        {
            if (regelsToegestaan && c is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
            {
                fouten.Add(new(pad, "stuurteken", $"de tekst bevat een stuurteken (U+{(int)c:X4}); dat is niet toegestaan{(regelsToegestaan ? " (regeleinden wel)" : "")}."));
                return;
            }
        }
    }

    // Containers are changed in place; only string values are replaced by their trimmed, NFC form.
    private static JsonNode? Herschrijf(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (naam, kind) in o.ToList())
                {
                    var nieuw = Herschrijf(kind);
                    if (!ReferenceEquals(nieuw, kind))
                    {
                        o[naam] = nieuw;
                    }
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var nieuw = Herschrijf(a[i]);
                    if (!ReferenceEquals(nieuw, a[i]))
                    {
                        a[i] = nieuw;
                    }
                }

                return a;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(v.GetValue<string>().Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC).Trim());
            default:
                return node;
        }
    }
}
