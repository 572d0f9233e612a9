using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;
using VoortgangApi.Core.Invulblad;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Core.Programmas;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Volgen;
using VoortgangApi.Core.Validation;
using VoortgangApi.OpenData;

namespace VoortgangApi.Functions.Programmas;

/// <summary>
/// The programme context as the seam of the composition: every stateful service (the log, the freshness rule, the
/// cycles, the summaries, the writers, the publication) is registered once per programme, keyed by its id, and made on
/// the first use of that programme — two programmes side by side share nothing but the storage clients and the
/// post-commit signal. The unkeyed registrations name the standard programme (the paths without a programme).
/// </summary>
public static class ProgrammaRegistratie
{
    public static IServiceCollection AddProgrammas(this IServiceCollection services)
    {
        services.AddSingleton(sp => Standaard(sp.GetRequiredService<IOptions<ProgrammaOptions>>().Value));
        services.AddSingleton<Wijzigingssignaal>();
        services.AddSingleton(sp => new Programmaregister(sp.GetRequiredService<IProgrammaStore>(), sp.GetRequiredService<Programma>(),
            new Versheid(new Wijzigingsteller("", sp.GetRequiredService<Wijzigingssignaal>()), sp.GetRequiredService<TimeProvider>(), Controle(sp))));
        services.AddSingleton<IProgrammalezers, Lezers>();
        services.AddSingleton<Programmabeheer>();
        services.AddSingleton(sp => new Programmaoverzicht(sp.GetRequiredService<Programmabeheer>(), sp.GetRequiredService<Programmaregister>(),
            sp.GetRequiredService<IOpenDataStore>(), sp.GetRequiredService<OpenDataInstellingen>(), sp.GetRequiredService<ILogger<Programmaoverzicht>>()));
        services.AddSingleton(sp => new Programmakeuze(sp.GetRequiredService<Programmaregister>(), id => sp.GetRequiredKeyedService<Programmadiensten>(id)));

        Per(services, (sp, id) => sp.GetRequiredService<Programmaregister>().Context(id));
        Per(services, (sp, id) => new Wijzigingsteller(id, sp.GetRequiredService<Wijzigingssignaal>()));
        Per(services, (sp, id) => new Versheid(K<Wijzigingsteller>(sp, id), sp.GetRequiredService<TimeProvider>(), Controle(sp)));
        Per(services, (sp, id) =>
        {
            var o = sp.GetRequiredService<IOptions<CheckpuntOptions>>().Value;
            return new Logboek(K<IHistorieStore>(sp, id), K<Versheid>(sp, id), Checkpunten(sp, id), o.Uitstel, o.Vasthouden);
        });
        Per(services, (sp, id) => new Voortgangslezer(K<Logboek>(sp, id), K<ICyclusStore>(sp, id), K<Versheid>(sp, id)));
        Per(services, (sp, id) => new Vastlegging(K<IHistorieStore>(sp, id), K<Logboek>(sp, id), sp.GetRequiredService<ILogger<Vastlegging>>()));
        Per(services, (sp, id) => new VoortgangSchrijver(K<Vastlegging>(sp, id), K<Logboek>(sp, id), sp.GetRequiredService<SchemaCatalogus>(), sp.GetRequiredService<TimeProvider>()));
        Per(services, (sp, id) => new InvulbladService(K<Logboek>(sp, id), K<Vastlegging>(sp, id), sp.GetRequiredService<SchemaCatalogus>(), sp.GetRequiredService<TimeProvider>()));
        Per(services, (sp, id) => new HistorieQueries(K<Voortgangslezer>(sp, id)));
        Per(services, (sp, id) => new VoortgangQueries(K<Voortgangslezer>(sp, id)));
        Per(services, (sp, id) => new RapportagecycliQueries(K<Voortgangslezer>(sp, id)));
        Per(services, (sp, id) => new OverzichtQueries(K<Voortgangslezer>(sp, id), K<OpenDataInstellingen>(sp, id)));
        Per(services, (sp, id) => new Abonnementen(K<Programmacontext>(sp, id), K<Logboek>(sp, id), sp.GetRequiredService<IAbonnementStore>(),
            sp.GetRequiredService<ICallbackKanaal>(), sp.GetRequiredService<Pogingenteller>(), sp.GetRequiredService<SchemaCatalogus>(),
            sp.GetRequiredService<WebhookOptions>(), sp.GetRequiredService<TimeProvider>()));
        Per(services, (sp, id) => new Uitzender(id, K<Logboek>(sp, id), K<ICyclusStore>(sp, id), sp.GetRequiredService<IAbonnementStore>(),
            sp.GetRequiredService<IAfleverwachtrij>(), K<OpenDataInstellingen>(sp, id), sp.GetRequiredService<TimeProvider>()));
        Per(services, (sp, id) => new Feedqueries(K<Voortgangslezer>(sp, id), K<OpenDataInstellingen>(sp, id), sp.GetRequiredService<TimeProvider>()));
        Per(services, (sp, id) => new CyclusPlanner(K<ICyclusStore>(sp, id), sp.GetRequiredService<SchemaCatalogus>(), K<Wijzigingsteller>(sp, id)));
        Per(services, (sp, id) => OpenDataInstellingen(sp, K<Programmacontext>(sp, id)));
        Per(services, (sp, id) => new PublicatieService(K<ICyclusStore>(sp, id), K<Logboek>(sp, id), K<IOpenDataStore>(sp, id),
            K<OpenDataInstellingen>(sp, id), sp.GetRequiredService<ILogger<PublicatieService>>(), K<Wijzigingsteller>(sp, id)));
        Per(services, (sp, id) => new MomentopnameService(K<Logboek>(sp, id), K<ICyclusStore>(sp, id), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MomentopnameService>>(), [K<PublicatieService>(sp, id)], K<Wijzigingsteller>(sp, id)));
        Per(services, (sp, id) => new Programmadiensten(K<Programmacontext>(sp, id), K<VoortgangQueries>(sp, id), K<HistorieQueries>(sp, id),
            K<VoortgangSchrijver>(sp, id), K<OverzichtQueries>(sp, id), K<RapportagecycliQueries>(sp, id), K<CyclusPlanner>(sp, id),
            K<MomentopnameService>(sp, id), K<PublicatieService>(sp, id), K<InvulbladService>(sp, id), K<Feedqueries>(sp, id),
            K<Abonnementen>(sp, id), K<Uitzender>(sp, id)));

        // The standard programme's services without a key: the seed import at start, and tests that read storage directly.
        Standaard<IHistorieStore>(services);
        Standaard<ICyclusStore>(services);
        Standaard<IOpenDataStore>(services);
        Standaard<Logboek>(services);
        Standaard<Vastlegging>(services);
        Standaard<VoortgangSchrijver>(services);
        Standaard<MomentopnameService>(services);
        Standaard<PublicatieService>(services);
        Standaard<Voortgangslezer>(services);
        Standaard<VoortgangQueries>(services);
        Standaard<HistorieQueries>(services);
        Standaard<RapportagecycliQueries>(services);
        Standaard<OverzichtQueries>(services);
        Standaard<CyclusPlanner>(services);
        Standaard<InvulbladService>(services);
        Standaard<Versheid>(services);
        Standaard<Wijzigingsteller>(services);
        services.AddSingleton(sp => new SeedImporter(sp.GetRequiredService<IHistorieStore>(), sp.GetRequiredService<Logboek>(),
            sp.GetRequiredService<Vastlegging>(), sp.GetRequiredService<ICyclusStore>(), sp.GetRequiredService<MomentopnameService>(),
            sp.GetRequiredService<ILogger<SeedImporter>>()));
        return services;
    }

    private static void Per<T>(IServiceCollection services, Func<IServiceProvider, string, T> maak) where T : class =>
        services.AddKeyedSingleton(KeyedService.AnyKey, (sp, sleutel) => maak(sp, (string)sleutel!));

    // Checkpoints every Checkpunten:ElkeRegels lines (1,000 by default; 0 switches them off: the log is then read whole at start).
    private static Checkpuntbeheer? Checkpunten(IServiceProvider sp, string id) =>
        sp.GetRequiredService<IOptions<CheckpuntOptions>>().Value is { ElkeRegels: > 0 } o
            ? new Checkpuntbeheer(K<ICheckpuntStore>(sp, id), sp.GetRequiredService<ILogger<Checkpuntbeheer>>(), o.ElkeRegels, o.Segmentgrootte, o.Vensterdoel)
            : null;

    private static T K<T>(IServiceProvider sp, string id) where T : notnull => sp.GetRequiredKeyedService<T>(id);

    private static void Standaard<T>(IServiceCollection services) where T : class =>
        services.AddSingleton(sp => sp.GetRequiredKeyedService<T>(sp.GetRequiredService<Programma>().Id));

    private static Programma Standaard(ProgrammaOptions o) => new(o.StandaardId, o.StandaardTitel, o.StandaardOmschrijving, o.StandaardMinisteries);

    private static TimeSpan Controle(IServiceProvider sp) =>
        TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<CacheOptions>>().Value.VersieControleSeconden);

    // The standard programme's files keep their place and bytes; another's live under programmas/{id}/ with its own names.
    private static OpenDataInstellingen OpenDataInstellingen(IServiceProvider sp, Programmacontext p)
    {
        var basis = sp.GetRequiredService<OpenDataInstellingen>();
        if (p.IsStandaard)
        {
            return basis;
        }

        // A programme's services are made only after the request found it (Programmakeuze), so the register knows it; its
        // names are read at each use, so a renamed programme's next release carries the new name.
        var register = sp.GetRequiredService<Programmaregister>();
        Publicatietitels Titels() => Publicatietitels.Van(register.Bekend(p.Id)
            ?? throw new InvalidOperationException($"Programma '{p.Id}' is niet gevonden voordat zijn diensten werden gemaakt."));
        _ = Titels();
        return basis with
        {
            PubliekeBasisUrl = $"{basis.PubliekeBasisUrl.TrimEnd('/')}/{Storage.StorageRegistratie.OpenDataMap(p).TrimEnd('/')}",
            ProgrammaPad = $"/programmas/{p.Id}",
            Titelbron = Titels,
        };
    }

    private sealed class Lezers(IServiceProvider sp) : IProgrammalezers
    {
        public Voortgangslezer Lezer(string programmaId) => sp.GetRequiredKeyedService<Voortgangslezer>(programmaId);
    }
}
