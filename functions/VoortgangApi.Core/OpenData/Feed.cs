using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace VoortgangApi.Core.OpenData;

/// <summary>An Atom feed with one entry per published cycle; entry ids are the release folders' URLs, so they never change.</summary>
public static class Feed
{
    public static byte[] Maak(IReadOnlyList<GepubliceerdeCyclus> cycli, OpenDataInstellingen i)
    {
        var items = cycli.OrderByDescending(c => c.Cyclus.Peildatum).Select(g =>
        {
            var c = g.Cyclus;
            var map = i.Url(Layout.Map(c.Id));
            var item = new SyndicationItem(
                c.Titel,
                $"Momentopname op peildatum {c.Peildatum:yyyy-MM-dd} bij Kamerstuk {c.Kamerbrief.Kamerstuk ?? "(nog zonder nummer)"}; inhoud-hash {c.Momentopname!.InhoudHash}.",
                new Uri(map + "index.html"),
                map,
                c.Momentopname.GenomenOp);
            item.PublishDate = c.Momentopname.GenomenOp;
            return item;
        }).ToList();

        var feed = new SyndicationFeed("Open data voortgang Aanpak sekswerkers", "Nieuwe uitgaven, één per Kamerbrief.",
            new Uri(i.Url("v1/feed.atom")), i.Url("v1/feed.atom"),
            items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(x => x.LastUpdatedTime), items)
        {
            Language = "nl",
        };
        feed.Authors.Add(new SyndicationPerson { Name = i.ContactNaam });

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            feed.SaveAsAtom10(writer);
        }

        return stream.ToArray();
    }
}
