using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace VoortgangApi.OpenData;

/// <summary>An Atom feed with one entry per published cycle; entry ids are the release folders' URLs, so they never change.</summary>
public static class Feed
{
    public static byte[] Maak(IReadOnlyList<GepubliceerdeCyclus> cycli, OpenDataInstellingen i, IReadOnlySet<string>? gecorrigeerd = null)
    {
        var items = cycli.OrderByDescending(c => c.Cyclus.Peildatum).Select(g =>
        {
            var c = g.Cyclus;
            var map = i.Url(Layout.Map(c.Id));
            var item = new SyndicationItem(
                XmlTekst(c.Titel),
                XmlTekst($"Momentopname op peildatum {c.Peildatum:yyyy-MM-dd} bij Kamerstuk {c.Kamerbrief.Kamerstuk ?? "(nog zonder nummer)"}; inhoud-hash {c.Momentopname!.InhoudHash}."),
                new Uri(map + "index.html"),
                map,
                c.Momentopname.GenomenOp);
            item.PublishDate = c.Momentopname.GenomenOp;
            if (gecorrigeerd?.Contains(c.Id) == true)
            {
                // The release stays as frozen; its later corrections are one link away.
                item.Links.Add(new SyndicationLink(new Uri(map + Correcties.Html), "related", "Correcties na vaststelling", "text/html", 0));
            }

            return item;
        }).ToList();

        // alternate: the public status page; self: this feed (RFC 4287 §4.2.7.2).
        var feed = new SyndicationFeed($"Open data voortgang {i.Namen.Kort}", "Nieuwe uitgaven, één per Kamerbrief.",
            new Uri(i.Url("v1/" + Statuspagina.Bestanden[0])), i.Url("v1/feed.atom"),
            items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(x => x.LastUpdatedTime), items)
        {
            Language = "nl",
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(i.Url("v1/feed.atom")), "application/atom+xml"));
        feed.Authors.Add(new SyndicationPerson { Name = XmlTekst(i.ContactNaam) });

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            feed.SaveAsAtom10(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Text as XML 1.0 allows it, so one bad title in an old store can never make the feed unwritable for every later release.</summary>
    public static string XmlTekst(string tekst) => Core.Volgen.Atom.Tekst(tekst);
}
