using VoortgangApi.Bench;

// Two tools for ./bench.sh:
//   basislijn --poort P --map DIR        a minimal Kestrel app serving the API's own bytes from memory (the baseline)
//   hop --poort P --doel URL             the local host's forwarding hop in front of URL (the baseline behind the same hop)
//   momentopname --aantal N              snapshot + publication of N synthetic items on the Azurite in Storage__ConnectionString
//   publicatie --cycli N                 the cost of publishing the 10th and the Nth release (time, blob calls)
//   programma --id ID --regels N         a synthetic programme of N log lines in the app's own store (programme isolation)
//   log --id ID --regels N               a synthetic, varied log of N lines with letters (the log at scale)
//   checkpunt --id ID --minstens N       waits until the app wrote a checkpoint of that programme at line N or later
//   logschaal --regels 1000,100000,1000000  the log at scale in one process (store and checkpoints in memory)
return args.FirstOrDefault() switch
{
    "basislijn" => await Basislijn.DraaiAsync(args),
    "hop" => await Hop.DraaiAsync(args),
    "momentopname" => await Momentopnamemeting.DraaiAsync(args),
    "publicatie" => await Publicatiemeting.DraaiAsync(args),
    "programma" => await Programmavulling.DraaiAsync(args),
    "log" => await Loggenerator.DraaiAsync(args),
    "checkpunt" => await Checkpuntwachter.DraaiAsync(args),
    "logschaal" => await Logschaalmeting.DraaiAsync(args),
    _ => Gebruik(),
};

static int Gebruik()
{
    Console.Error.WriteLine("gebruik: VoortgangApi.Bench basislijn --poort P --map DIR | hop --poort P --doel URL | momentopname --aantal N | publicatie --cycli N | programma --id ID --regels N | log --id ID --regels N");
    return 2;
}
