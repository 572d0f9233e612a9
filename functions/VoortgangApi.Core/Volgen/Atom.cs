using System.Text;
using System.Xml;

namespace VoortgangApi.Core.Volgen;

/// <summary>
/// Writes a feed as Atom (RFC 4287): feed id = its own URL, one author, self and alternate links; per entry a stable
/// id, updated, a text summary, its category, a link to the line (alternate) and to the item's history (related).
/// Deterministic bytes for the same content, so the ETag is stable.
/// </summary>
public static class Atom
{
    public const string Mediatype = "application/atom+xml";
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static byte[] Schrijf(Feedinhoud feed)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Ns);
            w.WriteAttributeString("xml", "lang", null, "nl");
            Element(w, "id", feed.Self);
            Element(w, "title", feed.Titel);
            Element(w, "updated", Moment(feed.Bijgewerkt));
            w.WriteStartElement("author", Ns);
            Element(w, "name", feed.Auteur);
            w.WriteEndElement();
            Link(w, "self", feed.Self, "application/atom+xml");
            Link(w, "alternate", feed.Alternate, "text/html");
            Element(w, "generator", "Voortgang API");
            foreach (var e in feed.Entries)
            {
                w.WriteStartElement("entry", Ns);
                Element(w, "id", e.Id);
                Element(w, "title", e.Titel);
                Element(w, "updated", Moment(e.Bijgewerkt));
                // No type: readers open the alternate link of an entry in a browser (feedparser takes only an HTML or untyped one).
                Link(w, "alternate", e.Url, null);
                if (e.HistorieUrl is { } h)
                {
                    Link(w, "related", h, "application/json", "Historie");
                }

                if (e.Bron?.Url is { } bron)
                {
                    Link(w, "via", bron, null, Tekst(e.Bron.Titel));
                }

                w.WriteStartElement("category", Ns);
                w.WriteAttributeString("term", e.Categorie);
                w.WriteEndElement();
                if (e.Zekerheid is { } z)
                {
                    w.WriteStartElement("category", Ns);
                    w.WriteAttributeString("term", "zekerheid:" + z);
                    w.WriteAttributeString("label", "zekerheid " + z);
                    w.WriteEndElement();
                }

                w.WriteStartElement("summary", Ns);
                w.WriteAttributeString("type", "text");
                w.WriteString(Tekst(e.Tekst));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Element(XmlWriter w, string naam, string waarde) => w.WriteElementString(naam, Ns, Tekst(waarde));

    private static void Link(XmlWriter w, string rel, string href, string? type, string? titel = null)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        if (type is not null)
        {
            w.WriteAttributeString("type", type);
        }

        if (titel is not null)
        {
            w.WriteAttributeString("title", titel);
        }

        w.WriteEndElement();
    }

    private static string Moment(DateTimeOffset m) => m.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Only characters XML 1.0 can carry (no control characters or lone surrogates): one bad character in an old line must not make a feed unwritable.</summary>
    public static string Tekst(string tekst)
    {
        var uit = new StringBuilder(tekst.Length);
        for (var i = 0; i < tekst.Length; i++)
        {
            if (char.IsSurrogatePair(tekst, i))
            {
                uit.Append(tekst, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(tekst[i]))
            {
                uit.Append(tekst[i]);
            }
        }

        return uit.ToString();
    }
}
