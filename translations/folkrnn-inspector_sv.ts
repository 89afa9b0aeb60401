<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;folk-rnn Inspector %1&lt;/h3&gt;&lt;p&gt;Step through the generation of a folk-rnn LSTM music model token by token and see what its parameters do.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;folk-rnn Inspektör %1&lt;/h3&gt;&lt;p&gt;Stega token för token genom en folk-rnn-LSTM-musikmodells generering och se vad dess parametrar gör.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No model is open.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ingen modell är öppen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Model&lt;/h4&gt;&lt;table&gt;</source>
        <translation>&lt;h4&gt;Modell&lt;/h4&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epok</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationer</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>%1 LSTM layers of %2 units</source>
        <translation>%1 LSTM-lager med %2 enheter</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabulär</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametrar</translation>
    </message>
    <message>
        <source>Last validation loss</source>
        <translation>Senaste valideringsförlust</translation>
    </message>
</context>
<context>
    <name>FigureExportDialog</name>
    <message>
        <source>Text width (17 × 10.5 cm)</source>
        <translation>Textbredd (17 × 10,5 cm)</translation>
    </message>
    <message>
        <source>One column (8.5 × 6.5 cm)</source>
        <translation>En spalt (8,5 × 6,5 cm)</translation>
    </message>
    <message>
        <source>Slide (25.4 × 14.3 cm)</source>
        <translation>Bildspel (25,4 × 14,3 cm)</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>folk-rnn models (*.h5 *.hdf5 *.pkl);;All files (*)</source>
        <translation>folk-rnn-modeller (*.h5 *.hdf5 *.pkl);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>Step through a folk-rnn model&apos;s generation token by token.</source>
        <translation>Stega token för token genom en folk-rnn-modells generering.</translation>
    </message>
    <message>
        <source>Model file (.h5 or .pkl).</source>
        <translation>Modellfil (.h5 eller .pkl).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FIL</translation>
    </message>
    <message>
        <source>RNG seed (0..4294967295).</source>
        <translation>Slumpfrö (0..4294967295).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Softmax temperature (&gt; 0).</source>
        <translation>Softmax-temperatur (&gt; 0).</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Tokens to start with, separated by spaces.</source>
        <translation>Token att börja med, åtskilda av mellanslag.</translation>
    </message>
    <message>
        <source>TOKENS</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>Trace this tune (tokens or ABC) instead of sampling.</source>
        <translation>Spåra den här melodin (token eller ABC) i stället för att sampla.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Generate N steps at start.</source>
        <translation>Generera N steg vid start.</translation>
    </message>
    <message>
        <source>Select these units, e.g. 3,17,40.</source>
        <translation>Välj de här enheterna, t.ex. 3,17,40.</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>LISTA</translation>
    </message>
    <message>
        <source>Show this layer (from 1).</source>
        <translation>Visa det här lagret (från 1).</translation>
    </message>
    <message>
        <source>Show this signal: h, c, i, f, o or g.</source>
        <translation>Visa den här signalen: h, c, i, f, o eller g.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once laid out, then quit.</source>
        <translation>Spara en bild av fönstret i FIL när det är utlagt och avsluta sedan.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>Fönsterstorlek, t.ex. 1600x1000.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <source>Ignore the saved window layout.</source>
        <translation>Ignorera den sparade fönsterlayouten.</translation>
    </message>
    <message>
        <source>--temperature: not a number: %1</source>
        <translation>--temperature: inte ett tal: %1</translation>
    </message>
    <message>
        <source>--steps: not a step count: %1</source>
        <translation>--steps: inte ett antal steg: %1</translation>
    </message>
    <message>
        <source>--units: not a unit number: %1</source>
        <translation>--units: inte ett enhetsnummer: %1</translation>
    </message>
    <message>
        <source>--layer: not a layer number (from 1): %1</source>
        <translation>--layer: inte ett lagernummer (från 1): %1</translation>
    </message>
    <message>
        <source>--signal: one of h, c, i, f, o, g: %1</source>
        <translation>--signal: en av h, c, i, f, o, g: %1</translation>
    </message>
    <message>
        <source>--window-size: expected WxH, e.g. 1600x1000: %1</source>
        <translation>--window-size: förväntade BxH, t.ex. 1600x1000: %1</translation>
    </message>
    <message>
        <source>Clamp unit U of layer L to V at steps FROM..TO, as in folkrnn-cli (repeatable).</source>
        <translation>Lås enhet U i lager L till V i stegen FROM..TO, som i folkrnn-cli (kan upprepas).</translation>
    </message>
    <message>
        <source>L:U=V[@FROM-TO]</source>
        <translation>L:U=V[@FROM-TO]</translation>
    </message>
    <message>
        <source>Clamp these units of layer L to 0 (repeatable).</source>
        <translation>Lås de här enheterna i lager L till 0 (kan upprepas).</translation>
    </message>
    <message>
        <source>L:U1,U2,...</source>
        <translation>L:U1,U2,...</translation>
    </message>
    <message>
        <source>A session (.frnsession) to open, or a model file (.h5 or .pkl) as with --model.</source>
        <translation>En session (.frnsession) att öppna, eller en modellfil (.h5 eller .pkl) som med --model.</translation>
    </message>
    <message>
        <source>[FILE]</source>
        <translation>[FIL]</translation>
    </message>
    <message>
        <source>one FILE at most, not %1: %2</source>
        <translation>högst en FIL, inte %1: %2</translation>
    </message>
    <message>
        <source>two models given (--model %1 and %2): give one</source>
        <translation>två modeller angivna (--model %1 och %2): ange en</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <source>&amp;Open Model…</source>
        <translation>&amp;Öppna modell…</translation>
    </message>
    <message>
        <source>Open a folk-rnn model (HDF5 or .pkl)</source>
        <translation>Öppna en folk-rnn-modell (HDF5 eller .pkl)</translation>
    </message>
    <message>
        <source>&amp;Export All Views…</source>
        <translation>&amp;Exportera alla vyer…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Quit the inspector</source>
        <translation>Avsluta inspektören</translation>
    </message>
    <message>
        <source>Step &amp;Forward</source>
        <translation>Steg &amp;framåt</translation>
    </message>
    <message>
        <source>Generate the next token</source>
        <translation>Generera nästa token</translation>
    </message>
    <message>
        <source>Step &amp;Back</source>
        <translation>Steg &amp;bakåt</translation>
    </message>
    <message>
        <source>Undo the last generated token</source>
        <translation>Ångra den senast genererade token</translation>
    </message>
    <message>
        <source>&amp;Run to End</source>
        <translation>&amp;Kör till slutet</translation>
    </message>
    <message>
        <source>Generate until &lt;/s&gt; or the maximum length</source>
        <translation>Generera till &lt;/s&gt; eller maxlängden</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Avbr&amp;yt körning</translation>
    </message>
    <message>
        <source>Stop a running generation</source>
        <translation>Stoppa en pågående generering</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>&amp;Återställ</translation>
    </message>
    <message>
        <source>Back to the start of the tune (same seed)</source>
        <translation>Tillbaka till melodins början (samma slumpfrö)</translation>
    </message>
    <message>
        <source>&amp;First Step</source>
        <translation>F&amp;örsta steget</translation>
    </message>
    <message>
        <source>Go to step 0</source>
        <translation>Gå till steg 0</translation>
    </message>
    <message>
        <source>&amp;Previous Step</source>
        <translation>Fö&amp;regående steg</translation>
    </message>
    <message>
        <source>Look at the previous step</source>
        <translation>Titta på föregående steg</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>&amp;Nästa steg</translation>
    </message>
    <message>
        <source>Look at the next recorded step</source>
        <translation>Titta på nästa inspelade steg</translation>
    </message>
    <message>
        <source>&amp;Last Step</source>
        <translation>&amp;Sista steget</translation>
    </message>
    <message>
        <source>Go to the last recorded step</source>
        <translation>Gå till det sista inspelade steget</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Spela / paus</translation>
    </message>
    <message>
        <source>Play the tune, every view following the sounding note</source>
        <translation>Spela melodin; varje vy följer den klingande tonen</translation>
    </message>
    <message>
        <source>&amp;Stop Playing</source>
        <translation>S&amp;luta spela</translation>
    </message>
    <message>
        <source>Stop the tune</source>
        <translation>Stoppa melodin</translation>
    </message>
    <message>
        <source>Play from Current &amp;Step</source>
        <translation>Spela från aktuellt s&amp;teg</translation>
    </message>
    <message>
        <source>Play the tune from the selected step</source>
        <translation>Spela melodin från det valda steget</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>Återställ &amp;layout</translation>
    </message>
    <message>
        <source>Put every view back in its place</source>
        <translation>Sätt tillbaka varje vy på sin plats</translation>
    </message>
    <message>
        <source>&amp;About folk-rnn Inspector</source>
        <translation>&amp;Om folk-rnn Inspektör</translation>
    </message>
    <message>
        <source>Version and model provenance</source>
        <translation>Version och modellens ursprung</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <source>Qt version and licence</source>
        <translation>Qt-version och licens</translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation>Exportera &amp;figur…</translation>
    </message>
    <message>
        <source>Export one view as PNG, SVG, PDF or CSV</source>
        <translation>Exportera en vy som PNG, SVG, PDF eller CSV</translation>
    </message>
    <message>
        <source>Write every view as PNG, SVG, PDF and CSV into a folder</source>
        <translation>Skriv varje vy som PNG, SVG, PDF och CSV till en mapp</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>folk-rnn Inspector</source>
        <translation>folk-rnn Inspektör</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Ingen modell</translation>
    </message>
    <message>
        <source>No bundled model was found. Open one with File &gt; Open Model.</source>
        <translation>Ingen medföljande modell hittades. Öppna en med Arkiv &gt; Öppna modell.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Verkställ</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nej</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Förkasta</translation>
    </message>
</context>
<context>
    <name>SettingsCommand</name>
    <message>
        <source>Trace a tune</source>
        <translation>Spåra en melodi</translation>
    </message>
    <message>
        <source>Back to sampling</source>
        <translation>Tillbaka till sampling</translation>
    </message>
    <message>
        <source>Trace another tune</source>
        <translation>Spåra en annan melodi</translation>
    </message>
    <message>
        <source>Set seed %1</source>
        <translation>Sätt slumpfrö %1</translation>
    </message>
    <message>
        <source>Set temperature %1</source>
        <translation>Sätt temperatur %1</translation>
    </message>
    <message>
        <source>Set prime</source>
        <translation>Sätt inledning</translation>
    </message>
    <message>
        <source>Set max length %1</source>
        <translation>Sätt maxlängd %1</translation>
    </message>
</context>
<context>
    <name>TokenOrder</name>
    <message>
        <source>meter</source>
        <translation>taktart</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>tonart</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>takt</translation>
    </message>
    <message>
        <source>pitch</source>
        <translation>tonhöjd</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>paus</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>notvärde</translation>
    </message>
    <message>
        <source>grouping</source>
        <translation>gruppering</translation>
    </message>
    <message>
        <source>special</source>
        <translation>special</translation>
    </message>
    <message>
        <source>other</source>
        <translation>övrigt</translation>
    </message>
</context>
<context>
    <name>TuneInput</name>
    <message>
        <source>tune to trace</source>
        <translation>melodi att spåra</translation>
    </message>
    <message>
        <source>not token text (%1) and not ABC folk-rnn can read: %2</source>
        <translation>varken tokentext (%1) eller ABC som folk-rnn kan läsa: %2</translation>
    </message>
    <message>
        <source>no tokens</source>
        <translation>inga token</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::Document</name>
    <message>
        <source>seed</source>
        <translation>slumpfrö</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 4294967295 (got &quot;%1&quot;)</source>
        <translation>måste vara ett heltal från 0 till 4294967295 (fick ”%1”)</translation>
    </message>
    <message>
        <source>prime</source>
        <translation>inledning</translation>
    </message>
    <message>
        <source>tune to trace</source>
        <translation>melodi att spåra</translation>
    </message>
    <message>
        <source>longer than %1 tokens</source>
        <translation>längre än %1 token</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modell</translation>
    </message>
    <message>
        <source>no model is open</source>
        <translation>ingen modell är öppen</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::InterventionDocks</name>
    <message>
        <source>Interventions</source>
        <translation>Ingrepp</translation>
    </message>
    <message>
        <source>Invalid intervention</source>
        <translation>Ogiltigt ingrepp</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::MainWindow</name>
    <message>
        <source>Generation</source>
        <translation>Generering</translation>
    </message>
    <message>
        <source>folk-rnn Inspector</source>
        <translation>folk-rnn Inspektör</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Sampla</translation>
    </message>
    <message>
        <source>Trace a tune</source>
        <translation>Spåra en melodi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Öppna senas&amp;te</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generera</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>&amp;Navigera</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>&amp;Lyssna</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>Anal&amp;ys</translation>
    </message>
    <message>
        <source>Show the view “%1”</source>
        <translation>Visa vyn ”%1”</translation>
    </message>
    <message>
        <source>Over the run</source>
        <translation>Över körningen</translation>
    </message>
    <message>
        <source>Of the weights</source>
        <translation>Av vikterna</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Frågor</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Lyssna</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>steg %v av %m</translation>
    </message>
    <message>
        <source>Generation stopped</source>
        <translation>Genereringen stoppades</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>Kan inte öppna modellen</translation>
    </message>
    <message>
        <source>The model file %1 could not be opened:

%2

The current model stays open.</source>
        <translation>Modellfilen %1 kunde inte öppnas:

%2

Den aktuella modellen förblir öppen.</translation>
    </message>
    <message>
        <source>Invalid settings</source>
        <translation>Ogiltiga inställningar</translation>
    </message>
    <message>
        <source>Cannot trace this tune</source>
        <translation>Kan inte spåra den här melodin</translation>
    </message>
    <message>
        <source>No steps yet: Step Forward (F10) or Run to End (F5).</source>
        <translation>Inga steg än: Steg framåt (F10) eller Kör till slutet (F5).</translation>
    </message>
    <message>
        <source>No model open.</source>
        <translation>Ingen modell öppen.</translation>
    </message>
    <message>
        <source>Step %1 of %2 · token %3%4 · log₁₀ p = %5 · seed %6 · temperature %7</source>
        <translation>Steg %1 av %2 · token %3%4 · log₁₀ p = %5 · slumpfrö %6 · temperatur %7</translation>
    </message>
    <message>
        <source> (given)</source>
        <translation> (angiven)</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Öppna modell</translation>
    </message>
    <message>
        <source>Export All Views To</source>
        <translation>Exportera alla vyer till</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <source>These files could not be written:
%1</source>
        <translation>De här filerna kunde inte skrivas:
%1</translation>
    </message>
    <message>
        <source>Exported every view to %1</source>
        <translation>Exporterade varje vy till %1</translation>
    </message>
    <message>
        <source>About folk-rnn Inspector</source>
        <translation>Om folk-rnn Inspektör</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemets standard</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of the inspector.</source>
        <translation>Ett nytt språk används från nästa start av inspektören.</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::RecentFiles</name>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::SessionController</name>
    <message>
        <source>folk-rnn sessions (*.frnsession);;All files (*)</source>
        <translation>folk-rnn-sessioner (*.frnsession);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Open &amp;Session…</source>
        <translation>Öppna sess&amp;ion…</translation>
    </message>
    <message>
        <source>Open a saved session (.frnsession)</source>
        <translation>Öppna en sparad session (.frnsession)</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>&amp;Spara session</translation>
    </message>
    <message>
        <source>Save the tune, settings, interventions, selection, layout and notes</source>
        <translation>Spara melodin, inställningarna, ingreppen, markeringen, layouten och anteckningarna</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>Spara session s&amp;om…</translation>
    </message>
    <message>
        <source>Save the session to another file</source>
        <translation>Spara sessionen i en annan fil</translation>
    </message>
    <message>
        <source>Notes on this session: what you tried, what you saw. Saved with the session.</source>
        <translation>Anteckningar om den här sessionen: vad du provade, vad du såg. Sparas med sessionen.</translation>
    </message>
    <message>
        <source>Open Recent Sessio&amp;n</source>
        <translation>Öppna se&amp;naste session</translation>
    </message>
    <message>
        <source>%1 (recovered)</source>
        <translation>%1 (återställd)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Namnlös</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (skrivskyddad)</translation>
    </message>
    <message>
        <source>%1[*] — folk-rnn Inspector</source>
        <translation>%1[*] — folk-rnn Inspektör</translation>
    </message>
    <message>
        <source>%1[*] — %2 — folk-rnn Inspector</source>
        <translation>%1[*] — %2 — folk-rnn Inspektör</translation>
    </message>
    <message>
        <source>Cannot save session</source>
        <translation>Kan inte spara sessionen</translation>
    </message>
    <message>
        <source>The session could not be saved to %1:

%2

Any earlier file there is unchanged.</source>
        <translation>Sessionen kunde inte sparas i %1:

%2

En tidigare fil där är oförändrad.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparade %1</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>namnlös</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Spara session</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>The session “%1” has changes that are not saved. Save them?</source>
        <translation>Sessionen ”%1” har ändringar som inte är sparade. Spara dem?</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Öppna session</translation>
    </message>
    <message>
        <source>Cannot open session</source>
        <translation>Kan inte öppna sessionen</translation>
    </message>
    <message>
        <source>The session file %1 could not be opened:

%2

The current session stays open.</source>
        <translation>Sessionsfilen %1 kunde inte öppnas:

%2

Den aktuella sessionen förblir öppen.</translation>
    </message>
    <message>
        <source>The session %1 could not be shown:

%2</source>
        <translation>Sessionen %1 kunde inte visas:

%2</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisk sparning misslyckades: %1</translation>
    </message>
    <message>
        <source>Recover unsaved session</source>
        <translation>Återställ osparad session</translation>
    </message>
    <message>
        <source>folk-rnn Inspector did not close normally. An autosaved copy of “%1” from %2 can be recovered.

Recover it? (Discard deletes the copy; Cancel keeps it for the next start.)</source>
        <translation>folk-rnn Inspektör avslutades inte normalt. En automatiskt sparad kopia av ”%1” från %2 kan återställas.

Återställa den? (Förkasta tar bort kopian; Avbryt behåller den till nästa start.)</translation>
    </message>
    <message>
        <source>Cannot recover session</source>
        <translation>Kan inte återställa sessionen</translation>
    </message>
    <message>
        <source>The autosaved copy %1 could not be read:

%2</source>
        <translation>Den automatiskt sparade kopian %1 kunde inte läsas:

%2</translation>
    </message>
    <message>
        <source>&amp;Locate Model…</source>
        <translation>&amp;Leta upp modell…</translation>
    </message>
    <message>
        <source>Find the model this read-only session was made with, to step it again</source>
        <translation>Leta upp modellen som den här skrivskyddade sessionen gjordes med, för att kunna stega den igen</translation>
    </message>
    <message>
        <source>Read-only: %1 Showing the stored run; locate the session&apos;s model (File &gt; Locate Model…) to step it again.</source>
        <translation>Skrivskyddad: %1 Visar den sparade körningen; leta upp sessionens modell (Arkiv &gt; Leta upp modell…) för att stega den igen.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Skrivskyddad: %1</translation>
    </message>
    <message>
        <source>Locate Model</source>
        <translation>Leta upp modell</translation>
    </message>
    <message>
        <source>Locate Model “%1”</source>
        <translation>Leta upp modellen ”%1”</translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation>Modellen kan inte användas</translation>
    </message>
    <message>
        <source>The model file %1 cannot be used for this session:

%2

The session stays open read-only.</source>
        <translation>Modellfilen %1 kan inte användas för den här sessionen:

%2

Sessionen förblir öppen skrivskyddad.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Filen finns inte.</translation>
    </message>
    <message>
        <source>It is not the model this session was made with (%1): its weights differ.</source>
        <translation>Det är inte modellen som sessionen gjordes med (%1): vikterna skiljer sig.</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::SettingsPanel</name>
    <message>
        <source>Seed of the random number generator (0 to 4294967295), as in sample_rnn.py.</source>
        <translation>Slumptalsgeneratorns frö (0 till 4294967295), som i sample_rnn.py.</translation>
    </message>
    <message>
        <source>Softmax temperature: below 1 sharpens the distribution, above 1 flattens it.</source>
        <translation>Softmax-temperatur: under 1 skärps fördelningen, över 1 planas den ut.</translation>
    </message>
    <message>
        <source>e.g. M:4/4 K:Cmaj |:</source>
        <translation>t.ex. M:4/4 K:Cmaj |:</translation>
    </message>
    <message>
        <source>Tokens taken before sampling starts, separated by spaces.</source>
        <translation>Token som tas innan samplingen börjar, åtskilda av mellanslag.</translation>
    </message>
    <message>
        <source>Steps at most, &lt;/s&gt; included.</source>
        <translation>Högst så många steg, &lt;/s&gt; inräknad.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generera</translation>
    </message>
    <message>
        <source>Start a new tune with these settings (undoable).</source>
        <translation>Starta en ny melodi med de här inställningarna (kan ångras).</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>Slump&amp;frö</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperatur</translation>
    </message>
    <message>
        <source>&amp;Prime</source>
        <translation>&amp;Inledning</translation>
    </message>
    <message>
        <source>&amp;Max length</source>
        <translation>&amp;Maxlängd</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::Startup</name>
    <message>
        <source>Interventions from the command line</source>
        <translation>Ingrepp från kommandoraden</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::TracePanel</name>
    <message>
        <source>Paste a tune: folk-rnn tokens (M:4/4 K:Cmaj |: G C ...) or ABC.</source>
        <translation>Klistra in en melodi: folk-rnn-token (M:4/4 K:Cmaj |: G C ...) eller ABC.</translation>
    </message>
    <message>
        <source>T&amp;race</source>
        <translation>S&amp;påra</translation>
    </message>
    <message>
        <source>Run the model over this tune, token by token, recording how probable it found each.</source>
        <translation>Kör modellen över den här melodin, token för token, och spela in hur sannolik den fann varje token.</translation>
    </message>
    <message>
        <source>Back to &amp;sampling</source>
        <translation>Tillbaka till &amp;sampling</translation>
    </message>
    <message numerus="yes">
        <source>Tracing a tune of %n token(s).</source>
        <translation>
            <numerusform>Spårar en melodi med %n token.</numerusform>
            <numerusform>Spårar en melodi med %n token.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sampling: the model chooses each token.</source>
        <translation>Sampling: modellen väljer varje token.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::AbcView</name>
    <message>
        <source>The tune so far, token by token. Click a token to go to its step.</source>
        <translation>Melodin hittills, token för token. Klicka på en token för att gå till dess steg.</translation>
    </message>
    <message>
        <source>Staff notation needs abcm2ps, which was not found on PATH.</source>
        <translation>Notskrift kräver abcm2ps, som inte hittades i PATH.</translation>
    </message>
    <message>
        <source>Tune (ABC)</source>
        <translation>Melodi (ABC)</translation>
    </message>
    <message>
        <source>The engraved staff could not be read.</source>
        <translation>Den satta notskriften kunde inte läsas.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::ActivationHeatmapView</name>
    <message>
        <source>unit</source>
        <translation>enhet</translation>
    </message>
    <message>
        <source>Activations of the chosen layer and signal: units (rows) by steps (columns), blue negative, red positive. Click to select a step and a unit; Ctrl+click adds or removes a unit.</source>
        <translation>Aktiveringar för valt lager och vald signal: enheter (rader) mot steg (kolumner), blått negativt, rött positivt. Klicka för att välja ett steg och en enhet; Ctrl+klick lägger till eller tar bort en enhet.</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktiveringar</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, lager %2</translation>
    </message>
    <message>
        <source>click a cell to select a unit</source>
        <translation>klicka på en cell för att välja en enhet</translation>
    </message>
    <message>
        <source>units: %1</source>
        <translation>enheter: %1</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::AnnotationTrackView</name>
    <message>
        <source>bar</source>
        <translation>takt</translation>
    </message>
    <message>
        <source>position</source>
        <translation>position</translation>
    </message>
    <message>
        <source>time in bar</source>
        <translation>tid i takten</translation>
    </message>
    <message>
        <source>part</source>
        <translation>del</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>repris</translation>
    </message>
    <message>
        <source>ending</source>
        <translation>volta</translation>
    </message>
    <message>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <source>pitch</source>
        <translation>tonhöjd</translation>
    </message>
    <message>
        <source>What each token is in the tune: bar (alternate shading, numbered), tokens since the bar line, time in the bar, part, repeat, ending, token category, pitch. Lines mark bar lines. Click to select a step.</source>
        <translation>Vad varje token är i melodin: takt (växlande skuggning, numrerad), token sedan taktstrecket, tid i takten, del, repris, volta, tokenkategori, tonhöjd. Linjer markerar taktstreck. Klicka för att välja ett steg.</translation>
    </message>
    <message>
        <source>Annotation tracks</source>
        <translation>Annoteringsspår</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::ClampPanel</name>
    <message>
        <source>&amp;Add Selected Units</source>
        <translation>&amp;Lägg till valda enheter</translation>
    </message>
    <message>
        <source>C&amp;lear All</source>
        <translation>&amp;Rensa alla</translation>
    </message>
    <message>
        <source>Clamp the units selected in any view (of the selected layer) to 0; then move each slider to set the value</source>
        <translation>Lås de enheter som valts i någon vy (i det valda lagret) till 0; flytta sedan varje reglage för att ställa in värdet</translation>
    </message>
    <message>
        <source>Remove every intervention</source>
        <translation>Ta bort alla ingrepp</translation>
    </message>
    <message>
        <source>No interventions. Select units in the activation heatmap or the unit traces, then Add Selected Units: the run is recomputed with those units clamped, and the comparison view shows what changed against the untouched run.</source>
        <translation>Inga ingrepp. Välj enheter i aktiveringsvärmekartan eller enhetskurvorna och sedan Lägg till valda enheter: körningen räknas om med de enheterna låsta, och jämförelsevyn visar vad som ändrades mot den orörda körningen.</translation>
    </message>
    <message>
        <source>Clamp selected units</source>
        <translation>Lås valda enheter</translation>
    </message>
    <message>
        <source>Remove all interventions</source>
        <translation>Ta bort alla ingrepp</translation>
    </message>
    <message>
        <source>&amp;Add Selected Units (%1 of layer %2)</source>
        <translation>&amp;Lägg till valda enheter (%1 i lager %2)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>Sätt %1</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::ClampRow</name>
    <message>
        <source>Apply this intervention</source>
        <translation>Tillämpa det här ingreppet</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>c</source>
        <translation>c</translation>
    </message>
    <message>
        <source>Hidden state h, or cell state c (set before h = o·tanh(c))</source>
        <translation>Dolt tillstånd h eller celltillstånd c (sätts före h = o·tanh(c))</translation>
    </message>
    <message>
        <source>from </source>
        <translation>från </translation>
    </message>
    <message>
        <source>First step the value is applied at (step 0 consumes &lt;s&gt;)</source>
        <translation>Första steget som värdet tillämpas på (steg 0 läser &lt;s&gt;)</translation>
    </message>
    <message>
        <source>to end</source>
        <translation>till slutet</translation>
    </message>
    <message>
        <source>to </source>
        <translation>till </translation>
    </message>
    <message>
        <source>Last step the value is applied at</source>
        <translation>Sista steget som värdet tillämpas på</translation>
    </message>
    <message>
        <source>Remove this intervention</source>
        <translation>Ta bort det här ingreppet</translation>
    </message>
    <message>
        <source>Scale factor, 0 to %1</source>
        <translation>Skalfaktor, 0 till %1</translation>
    </message>
    <message>
        <source>Value, %1 to %2</source>
        <translation>Värde, %1 till %2</translation>
    </message>
    <message>
        <source>layer %1, unit %2</source>
        <translation>lager %1, enhet %2</translation>
    </message>
    <message>
        <source>layer %1, units %2</source>
        <translation>lager %1, enheter %2</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::ComparisonView</name>
    <message>
        <source>Baseline (untouched) and intervened runs: differing tokens marked, KL divergence per step, measures (tokens between bar lines). Click to select a step.</source>
        <translation>Referenskörning (orörd) och körning med ingrepp: avvikande token markerade, KL-divergens per steg, takter (token mellan taktstreck). Klicka för att välja ett steg.</translation>
    </message>
    <message>
        <source>Intervention comparison</source>
        <translation>Jämförelse av ingrepp</translation>
    </message>
    <message>
        <source>%1: %2 steps · %3 bar lines · %4 measures, %5 tokens each on average · %6 of %7 checked measures of the meter&apos;s length%8</source>
        <translation>%1: %2 steg · %3 taktstreck · %4 takter, i snitt %5 token vardera · %6 av %7 kontrollerade takter har taktartens längd%8</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Intervened</source>
        <translation>Med ingrepp</translation>
    </message>
    <message>
        <source> · regular</source>
        <translation> · regelbunden</translation>
    </message>
    <message>
        <source> · not regular</source>
        <translation> · inte regelbunden</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>Ingen körning än.</translation>
    </message>
    <message>
        <source>Same tokens · mean KL %1 nats · max %2</source>
        <translation>Samma token · medel-KL %1 nat · max %2</translation>
    </message>
    <message>
        <source>%1 differing tokens from step %2 · mean KL %3 nats · max %4</source>
        <translation>%1 avvikande token från steg %2 · medel-KL %3 nat · max %4</translation>
    </message>
    <message>
        <source>KL(baseline ‖ intervened) per step, nats</source>
        <translation>KL(referens ‖ ingrepp) per steg, nat</translation>
    </message>
    <message>
        <source>Measures: tokens between bar lines (green: the meter&apos;s length, red: not, grey: not checked)</source>
        <translation>Takter: token mellan taktstreck (grönt: taktartens längd, rött: inte, grått: ej kontrollerat)</translation>
    </message>
    <message>
        <source>base</source>
        <translation>ref.</translation>
    </message>
    <message>
        <source>interv.</source>
        <translation>ingr.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::CorpusQueryPanel</name>
    <message>
        <source>Run over corpus</source>
        <translation>Kör över korpus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Sampled tunes, seeds</source>
        <translation>Samplade melodier, slumpfrön</translation>
    </message>
    <message>
        <source>Token corpus, teacher-forced</source>
        <translation>Tokenkorpus, med teacher forcing</translation>
    </message>
    <message>
        <source>folk-rnn token corpus file</source>
        <translation>folk-rnn-tokenkorpusfil</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Steps to line the pattern up with: bar-line, token:|, category:measure, bar-position:8, bar-eighth:0, part:2, ending:1, repeat, pitch:12</source>
        <translation>Steg att rikta in mönstret mot: bar-line, token:|, category:measure, bar-position:8, bar-eighth:0, part:2, ending:1, repeat, pitch:12</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>rang</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>lager</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>enhet</translation>
    </message>
    <message>
        <source>before target</source>
        <translation>före målet</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>på målet</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>träffar</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>mål</translation>
    </message>
    <message>
        <source>mean at target</source>
        <translation>medel vid målet</translation>
    </message>
    <message>
        <source>&apos;before target&apos;: share of the target steps the unit&apos;s pattern precedes; &apos;on target&apos;: share of its matches that precede a target. Click a row to select the unit.</source>
        <translation>”före målet”: andel av målstegen som enhetens mönster föregår; ”på målet”: andel av dess träffar som föregår ett mål. Klicka på en rad för att välja enheten.</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Mål:</translation>
    </message>
    <message>
        <source>Token corpus</source>
        <translation>Tokenkorpus</translation>
    </message>
    <message>
        <source>No model: open one first.</source>
        <translation>Ingen modell: öppna en först.</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>korpus</translation>
    </message>
    <message>
        <source>no model is open</source>
        <translation>ingen modell är öppen</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>slumpfrön</translation>
    </message>
    <message>
        <source>the last seed is before the first</source>
        <translation>det sista slumpfröet ligger före det första</translation>
    </message>
    <message>
        <source>target</source>
        <translation>mål</translation>
    </message>
    <message>
        <source>name at least one, e.g. bar-line</source>
        <translation>ange minst ett, t.ex. bar-line</translation>
    </message>
    <message>
        <source>Recording %1 runs…</source>
        <translation>Spelar in %1 körningar…</translation>
    </message>
    <message>
        <source>Cancelling after the current run…</source>
        <translation>Avbryter efter den aktuella körningen…</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 runs, %3 steps.</source>
        <translation>Avbrutet: %1 av %2 körningar, %3 steg.</translation>
    </message>
    <message>
        <source>%1 of %2 runs, %3 steps.</source>
        <translation>%1 av %2 körningar, %3 steg.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alla</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::DistributionView</name>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>token taken</source>
        <translation>dragen token</translation>
    </message>
    <message>
        <source>selected token</source>
        <translation>vald token</translation>
    </message>
    <message>
        <source>Probability of each token (display order) at the selected step. Red: the token taken; outlined: the selected token. Click a bar to select its token.</source>
        <translation>Sannolikheten för varje token (visningsordning) i det valda steget. Rött: den dragna token; kontur: den valda token. Klicka på en stapel för att välja dess token.</translation>
    </message>
    <message>
        <source>Distribution at step</source>
        <translation>Fördelning i steget</translation>
    </message>
    <message>
        <source>p at step %1</source>
        <translation>p i steg %1</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Exportera figur</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-bild</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG (vektor)</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF (vektor)</translation>
    </message>
    <message>
        <source>CSV (the numbers shown)</source>
        <translation>CSV (talen som visas)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Anpassad</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Vy:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Storlek:</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Upplösning:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;il:</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixlar</translation>
    </message>
    <message>
        <source>The numbers the view shows, one row per item, with a header row.</source>
        <translation>Talen som vyn visar, en rad per post, med en rubrikrad.</translation>
    </message>
    <message>
        <source>Vector: text and lines stay sharp at any size.</source>
        <translation>Vektor: text och linjer förblir skarpa i alla storlekar.</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportera till</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-filer (*.%2)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <source>The file %1 could not be written. Check that its folder exists and is writable.</source>
        <translation>Filen %1 kunde inte skrivas. Kontrollera att dess mapp finns och är skrivbar.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::GateInputsView</name>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Lager</translation>
    </message>
    <message>
        <source>‖column‖</source>
        <translation>‖kolumn‖</translation>
    </message>
    <message>
        <source>cos(column, bias)</source>
        <translation>cos(kolumn, bias)</translation>
    </message>
    <message>
        <source>mean gate value</source>
        <translation>medelvärde för grinden</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>bias</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>enhet</translation>
    </message>
    <message>
        <source>Per input (token for the first layer) of the chosen layer: the norm of its column in each gate&apos;s input matrix, the cosine with the gate&apos;s bias, and the gate&apos;s mean value for that input alone; below, the four bias vectors. Click an input to select its token.</source>
        <translation>Per indata (token för första lagret) i det valda lagret: normen av dess kolumn i varje grinds indatamatris, cosinus mot grindens bias och grindens medelvärde för enbart den indatan; nedan de fyra biasvektorerna. Klicka på en indata för att välja dess token.</translation>
    </message>
    <message>
        <source>Gate input columns and biases</source>
        <translation>Grindarnas indatakolumner och bias</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>input unit</source>
        <translation>indataenhet</translation>
    </message>
    <message>
        <source>b_%1 (‖b‖ = %2)</source>
        <translation>b_%1 (‖b‖ = %2)</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::GateSubspaceView</name>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Lager</translation>
    </message>
    <message>
        <source>&amp;Gate</source>
        <translation>&amp;Grind</translation>
    </message>
    <message>
        <source>i: input</source>
        <translation>i: ingång</translation>
    </message>
    <message>
        <source>f: forget</source>
        <translation>f: glömska</translation>
    </message>
    <message>
        <source>c: cell input</source>
        <translation>c: cellindata</translation>
    </message>
    <message>
        <source>o: output</source>
        <translation>o: utgång</translation>
    </message>
    <message>
        <source>cumulative fraction of the singular values of W_h</source>
        <translation>kumulativ andel av singulärvärdena för W_h</translation>
    </message>
    <message>
        <source>‖U_r U_rᵀ w_k‖ / ‖w_k‖</source>
        <translation>‖U_r U_rᵀ w_k‖ / ‖w_k‖</translation>
    </message>
    <message>
        <source>cos(w_k + b, column of W_h)</source>
        <translation>cos(w_k + b, kolumn i W_h)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>antal</translation>
    </message>
    <message>
        <source>Top: for each input (token) of the layer, the fraction of its input-matrix column inside the span of the leading singular vectors of the recurrent matrix, as more are added. Bottom: histogram of the cosines between input columns plus bias and recurrent columns. Click a curve to select its token.</source>
        <translation>Överst: för varje indata (token) i lagret, den andel av dess kolumn i indatamatrisen som ligger i spannet av den rekurrenta matrisens ledande singulärvektorer, när fler läggs till. Nederst: histogram över cosinus mellan indatakolumner plus bias och rekurrenta kolumner. Klicka på en kurva för att välja dess token.</translation>
    </message>
    <message>
        <source>Gate subspaces</source>
        <translation>Grindarnas delrum</translation>
    </message>
    <message>
        <source>computing the SVD of W_h%1 (layer %2)…</source>
        <translation>beräknar SVD av W_h%1 (lager %2)…</translation>
    </message>
    <message>
        <source>W_h%1 of layer %2: largest singular value %3</source>
        <translation>W_h%1 i lager %2: största singulärvärde %3</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::GramianView</name>
    <message>
        <source>sort by row &amp;variance</source>
        <translation>sortera efter rad&amp;varians</translation>
    </message>
    <message>
        <source>&amp;Matrix</source>
        <translation>&amp;Matris</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>cosinus</translation>
    </message>
    <message>
        <source>Cosines between the columns of the chosen matrix (each normalised): red, the same direction; blue, opposite. Click a cell to select its two units (or its token).</source>
        <translation>Cosinus mellan kolumnerna i den valda matrisen (var och en normerad): rött, samma riktning; blått, motsatt. Klicka på en cell för att välja dess två enheter (eller dess token).</translation>
    </message>
    <message>
        <source>Gramian of a weight matrix</source>
        <translation>Gramsk matris för en viktmatris</translation>
    </message>
    <message>
        <source>softmax W (units of layer %1)</source>
        <translation>softmax-W (enheter i lager %1)</translation>
    </message>
    <message>
        <source>%1  %2 %3 and %4</source>
        <translation>%1  %2 %3 och %4</translation>
    </message>
    <message>
        <source>alike:</source>
        <translation>lika:</translation>
    </message>
    <message>
        <source>opposed:</source>
        <translation>motsatta:</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::InspectorView</name>
    <message>
        <source>Export Figure…</source>
        <translation>Exportera figur…</translation>
    </message>
    <message>
        <source>Export Data as CSV…</source>
        <translation>Exportera data som CSV…</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::LayerSignalBar</name>
    <message>
        <source>h: hidden state</source>
        <translation>h: dolt tillstånd</translation>
    </message>
    <message>
        <source>c: cell state</source>
        <translation>c: celltillstånd</translation>
    </message>
    <message>
        <source>i: input gate</source>
        <translation>i: ingångsgrind</translation>
    </message>
    <message>
        <source>f: forget gate</source>
        <translation>f: glömskegrind</translation>
    </message>
    <message>
        <source>o: output gate</source>
        <translation>o: utgångsgrind</translation>
    </message>
    <message>
        <source>g: cell input</source>
        <translation>g: cellindata</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Lager</translation>
    </message>
    <message>
        <source>&amp;Signal</source>
        <translation>S&amp;ignal</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::LogProbHeatmapView</name>
    <message>
        <source>step</source>
        <translation>steg</translation>
    </message>
    <message>
        <source>log₁₀ p</source>
        <translation>log₁₀ p</translation>
    </message>
    <message>
        <source>chosen token</source>
        <translation>dragen token</translation>
    </message>
    <message>
        <source>log₁₀ probability of each token (rows, grouped by category) at each step (columns). Dots: the token taken. Click a cell to select its step and token; drag or wheel to pan and zoom the steps; double-click to show all steps.</source>
        <translation>log₁₀-sannolikheten för varje token (rader, grupperade efter kategori) i varje steg (kolumner). Punkter: den dragna token. Klicka på en cell för att välja dess steg och token; dra eller rulla för att panorera och zooma stegen; dubbelklicka för att visa alla steg.</translation>
    </message>
    <message>
        <source>Log-probabilities</source>
        <translation>Log-sannolikheter</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::LogitPushView</name>
    <message>
        <source>δ (change of the token&apos;s logit)</source>
        <translation>δ (ändring av tokens logit)</translation>
    </message>
    <message>
        <source>α (factor on its probability)</source>
        <translation>α (faktor på dess sannolikhet)</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>δ needed</source>
        <translation>δ som krävs</translation>
    </message>
    <message>
        <source>How much a change δ of one token&apos;s pre-softmax value multiplies its probability p (left), and the change needed for a given factor (right), for several p; dashed: the selected token at the selected step.</source>
        <translation>Hur mycket en ändring δ av en tokens värde före softmax multiplicerar dess sannolikhet p (vänster), och ändringen som krävs för en given faktor (höger), för flera p; streckat: den valda token i det valda steget.</translation>
    </message>
    <message>
        <source>Pushing a logit</source>
        <translation>Att skjuta en logit</translation>
    </message>
    <message>
        <source>Select a token and a step to see its own curves.</source>
        <translation>Välj en token och ett steg för att se dess egna kurvor.</translation>
    </message>
    <message>
        <source>“%1” at step %2: p = %3.</source>
        <translation>”%1” i steg %2: p = %3.</translation>
    </message>
    <message>
        <source> Unit %1 of the last layer at +1 moves its logit by %2: ×%3 (all else equal); at −1: ×%4.</source>
        <translation> Enhet %1 i sista lagret på +1 flyttar dess logit med %2: ×%3 (allt annat lika); på −1: ×%4.</translation>
    </message>
    <message>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
    <message>
        <source>selected: p = %1</source>
        <translation>vald: p = %1</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::MaxMagnitudeView</name>
    <message>
        <source>units, sorted by their maximum magnitude</source>
        <translation>enheter, sorterade efter sitt maximala belopp</translation>
    </message>
    <message>
        <source>max over the run of |x|</source>
        <translation>max av |x| över körningen</translation>
    </message>
    <message>
        <source>The largest magnitude each unit reaches over the run, units sorted from smallest to largest: units that stay off sit at the left, saturating units at the right. Click to select a unit; Ctrl+click adds or removes one.</source>
        <translation>Det största belopp varje enhet når under körningen, enheterna sorterade från minst till störst: enheter som förblir avstängda ligger till vänster, mättade enheter till höger. Klicka för att välja en enhet; Ctrl+klick lägger till eller tar bort en.</translation>
    </message>
    <message>
        <source>Maximum magnitude per unit</source>
        <translation>Maximalt belopp per enhet</translation>
    </message>
    <message>
        <source>off (≤ %1): %2   saturating (≥ %3): %4</source>
        <translation>avstängda (≤ %1): %2   mättade (≥ %3): %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>inga</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::PatternQueryView</name>
    <message>
        <source>dip</source>
        <translation>dal</translation>
    </message>
    <message>
        <source>Find units</source>
        <translation>Hitta enheter</translation>
    </message>
    <message>
        <source>Find steps</source>
        <translation>Hitta steg</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>rang</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>enhet</translation>
    </message>
    <message>
        <source>score</source>
        <translation>poäng</translation>
    </message>
    <message>
        <source>mean inside</source>
        <translation>medel inuti</translation>
    </message>
    <message>
        <source>max outside</source>
        <translation>max utanför</translation>
    </message>
    <message>
        <source>first</source>
        <translation>första</translation>
    </message>
    <message>
        <source>last</source>
        <translation>sista</translation>
    </message>
    <message>
        <source>A unit is on at or above this value (at or below it with &apos;dip&apos;).</source>
        <translation>En enhet är på vid eller över det här värdet (vid eller under det med ”dal”).</translation>
    </message>
    <message>
        <source>Steps before the range where the units must be off.</source>
        <translation>Steg före intervallet där enheterna måste vara av.</translation>
    </message>
    <message>
        <source>Steps after the range where the units must be off.</source>
        <translation>Steg efter intervallet där enheterna måste vara av.</translation>
    </message>
    <message>
        <source>Units on over the range and off around it, best first (score: mean inside minus the largest value outside). Select rows to select the units.</source>
        <translation>Enheter som är på över intervallet och av runt det, bästa först (poäng: medel inuti minus största värdet utanför). Markera rader för att välja enheterna.</translation>
    </message>
    <message>
        <source>Where all the selected units show the same pattern. Click to go to the step.</source>
        <translation>Där alla valda enheter visar samma mönster. Klicka för att gå till steget.</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>tröskel</translation>
    </message>
    <message>
        <source>off before</source>
        <translation>av före</translation>
    </message>
    <message>
        <source>after</source>
        <translation>efter</translation>
    </message>
    <message>
        <source>Pattern query</source>
        <translation>Mönsterfråga</translation>
    </message>
    <message>
        <source>No run.</source>
        <translation>Ingen körning.</translation>
    </message>
    <message>
        <source>Steps %1–%2 of layer %3, %4</source>
        <translation>Steg %1–%2 i lager %3, %4</translation>
    </message>
    <message>
        <source>No unit of layer %1 matches: lower the threshold or the steps off.</source>
        <translation>Ingen enhet i lager %1 matchar: sänk tröskeln eller antalet avstängda steg.</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) of layer %1 match steps %2–%3.</source>
        <translation>
            <numerusform>%n enhet i lager %1 matchar steg %2–%3.</numerusform>
            <numerusform>%n enheter i lager %1 matchar steg %2–%3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n selected unit(s) match together at %1 place(s).</source>
        <translation>
            <numerusform>Den %n valda enheten matchar på %1 ställe(n).</numerusform>
            <numerusform>De %n valda enheterna matchar tillsammans på %1 ställe(n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Find units first, or select some.</source>
        <translation>Hitta enheter först, eller välj några.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::PlayerBar</name>
    <message>
        <source>Play the tune</source>
        <translation>Spela melodin</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Play from the current step</source>
        <translation>Spela från det aktuella steget</translation>
    </message>
    <message>
        <source>Loop the selected step range (the whole tune when none is selected)</source>
        <translation>Spela det valda stegintervallet i slinga (hela melodin när inget är valt)</translation>
    </message>
    <message>
        <source>Instrument (General MIDI)</source>
        <translation>Instrument (General MIDI)</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source> bpm</source>
        <translation> bpm</translation>
    </message>
    <message>
        <source>Beats per minute (a dotted quarter in 6/8); auto: a dance tempo for the meter</source>
        <translation>Slag per minut (en punkterad fjärdedel i 6/8); auto: ett danstempo för taktarten</translation>
    </message>
    <message>
        <source>Sound steps</source>
        <translation>Ljud vid steg</translation>
    </message>
    <message>
        <source>Sound each new note while stepping through a generation</source>
        <translation>Spela varje ny ton medan man stegar genom en generering</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Paus</translation>
    </message>
    <message>
        <source>auto (%1)</source>
        <translation>auto (%1)</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::SoftmaxSvdView</name>
    <message>
        <source>Select units of &amp;w_i</source>
        <translation>Välj enheter i &amp;w_i</translation>
    </message>
    <message>
        <source>singular &amp;vector i</source>
        <translation>singulär&amp;vektor i</translation>
    </message>
    <message>
        <source>singular value</source>
        <translation>singulärvärde</translation>
    </message>
    <message>
        <source>i</source>
        <translation>i</translation>
    </message>
    <message>
        <source>u_i</source>
        <translation>u_i</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>h = +w_i: softmax(v + s_i u_i)</source>
        <translation>h = +w_i: softmax(v + s_i u_i)</translation>
    </message>
    <message>
        <source>h = −w_i: softmax(v − s_i u_i)</source>
        <translation>h = −w_i: softmax(v − s_i u_i)</translation>
    </message>
    <message>
        <source>Top: singular values of the softmax matrix (click one to choose it). Middle: its left singular vector over the tokens. Bottom: the distributions when the last layer outputs plus or minus the right singular vector. Click a token to select it.</source>
        <translation>Överst: softmax-matrisens singulärvärden (klicka på ett för att välja det). Mitten: dess vänstra singulärvektor över tokenen. Nederst: fördelningarna när sista lagret ger plus eller minus den högra singulärvektorn. Klicka på en token för att välja den.</translation>
    </message>
    <message>
        <source>Softmax singular vectors</source>
        <translation>Softmax-singulärvektorer</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>s_%1 = %2; +w: %3, −w: %4</source>
        <translation>s_%1 = %2; +w: %3, −w: %4</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::SortedActivationsView</name>
    <message>
        <source>rank (smallest to largest)</source>
        <translation>rang (minst till störst)</translation>
    </message>
    <message>
        <source>fraction of units</source>
        <translation>andel enheter</translation>
    </message>
    <message>
        <source>|x| &lt; 0.07</source>
        <translation>|x| &lt; 0,07</translation>
    </message>
    <message>
        <source>|x| &gt; 0.8</source>
        <translation>|x| &gt; 0,8</translation>
    </message>
    <message>
        <source>Top: the activations of each step sorted from smallest (bottom) to largest (top). Bottom: fraction of units nearly silent (|x| &lt; 0.07) and strongly active (|x| &gt; 0.8). Click to select a step.</source>
        <translation>Överst: aktiveringarna i varje steg sorterade från minst (nederst) till störst (överst). Nederst: andel enheter som är nästan tysta (|x| &lt; 0,07) och starkt aktiva (|x| &gt; 0,8). Klicka för att välja ett steg.</translation>
    </message>
    <message>
        <source>Sorted activations and sparsity</source>
        <translation>Sorterade aktiveringar och gleshet</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, lager %2</translation>
    </message>
    <message>
        <source>over the run: %1% of |x| &lt; 0.07, %2% &gt; 0.8 (%3 units per step)</source>
        <translation>över körningen: %1 % av |x| &lt; 0,07, %2 % &gt; 0,8 (%3 enheter per steg)</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::StaffRenderer</name>
    <message>
        <source>Cannot write %1</source>
        <translation>Kan inte skriva %1</translation>
    </message>
    <message>
        <source>abcm2ps could not be started</source>
        <translation>abcm2ps kunde inte startas</translation>
    </message>
    <message>
        <source>abcm2ps failed (exit status %1): %2</source>
        <translation>abcm2ps misslyckades (slutstatus %1): %2</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::StepStatsView</name>
    <message>
        <source>entropy (bits)</source>
        <translation>entropi (bit)</translation>
    </message>
    <message>
        <source>log₁₀ p(taken)</source>
        <translation>log₁₀ p(tagen)</translation>
    </message>
    <message>
        <source>H (bits)</source>
        <translation>H (bit)</translation>
    </message>
    <message>
        <source>log₁₀ p</source>
        <translation>log₁₀ p</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>entropi</translation>
    </message>
    <message>
        <source>log₁₀ p of the token taken</source>
        <translation>log₁₀ p för den dragna token</translation>
    </message>
    <message>
        <source>Top: entropy of the distribution at each step. Bottom: log₁₀ probability of the token taken. Click to select a step.</source>
        <translation>Överst: fördelningens entropi i varje steg. Nederst: log₁₀-sannolikheten för den dragna token. Klicka för att välja ett steg.</translation>
    </message>
    <message>
        <source>Entropy and surprise</source>
        <translation>Entropi och överraskning</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::TokenAssociationView</name>
    <message>
        <source>Units &amp;before token</source>
        <translation>Enheter &amp;före token</translation>
    </message>
    <message>
        <source>steps &amp;back</source>
        <translation>steg &amp;bakåt</translation>
    </message>
    <message>
        <source>mean value before the token</source>
        <translation>medelvärde före token</translation>
    </message>
    <message>
        <source>For the selected unit: its mean value at the steps just before each token was emitted (tokens in display order; no bar where the token never occurs). Dashed: the unit&apos;s mean over the run. Click a bar to select its token.</source>
        <translation>För den valda enheten: dess medelvärde i stegen just innan varje token gavs ut (token i visningsordning; ingen stapel där token aldrig förekommer). Streckat: enhetens medel över körningen. Klicka på en stapel för att välja dess token.</translation>
    </message>
    <message>
        <source>Unit before tokens</source>
        <translation>Enhet före token</translation>
    </message>
    <message>
        <source>select a unit (e.g. click one in the activations or the spectra)</source>
        <translation>välj en enhet (klicka t.ex. på en i aktiveringarna eller spektrumen)</translation>
    </message>
    <message>
        <source>unit %1 of layer %2</source>
        <translation>enhet %1 i lager %2</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::TunePlayer</name>
    <message>
        <source>No audio output device: playback is off (MIDI and WAV export still work).</source>
        <translation>Ingen ljudutgång: uppspelning är av (export till MIDI och WAV fungerar ändå).</translation>
    </message>
    <message>
        <source>The audio output device does not take 44.1 kHz 16-bit stereo: playback is off.</source>
        <translation>Ljudutgången tar inte emot 44,1 kHz 16-bitars stereo: uppspelning är av.</translation>
    </message>
    <message>
        <source>No General MIDI SoundFont installed (Debian package timgm6mb-soundfont): playback is off.</source>
        <translation>Ingen General MIDI-SoundFont installerad (Debianpaketet timgm6mb-soundfont): uppspelning är av.</translation>
    </message>
    <message>
        <source>The audio output device stopped playing.</source>
        <translation>Ljudutgången slutade spela.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::UnitSpectrumView</name>
    <message>
        <source>remove &amp;mean</source>
        <translation>ta bort &amp;medel</translation>
    </message>
    <message>
        <source>Select &amp;units</source>
        <translation>Välj &amp;enheter</translation>
    </message>
    <message>
        <source>&amp;N</source>
        <translation>&amp;N</translation>
    </message>
    <message>
        <source>&amp;floor</source>
        <translation>&amp;golv</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>&amp;period</source>
        <translation>&amp;period</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> steg</translation>
    </message>
    <message>
        <source>± </source>
        <translation>± </translation>
    </message>
    <message>
        <source>unit</source>
        <translation>enhet</translation>
    </message>
    <message>
        <source>period (steps)</source>
        <translation>period (steg)</translation>
    </message>
    <message>
        <source>dB re the unit&apos;s strongest</source>
        <translation>dB rel. enhetens starkaste</translation>
    </message>
    <message>
        <source>Magnitude spectrum of each unit over the run (dB relative to its strongest component; blank below the floor). A pulse every P steps shows as energy at period P and its harmonics. Click to select a unit; Ctrl+click adds or removes one.</source>
        <translation>Amplitudspektrum för varje enhet över körningen (dB relativt dess starkaste komponent; tomt under golvet). En puls var P:e steg syns som energi vid period P och dess övertoner. Klicka för att välja en enhet; Ctrl+klick lägger till eller tar bort en.</translation>
    </message>
    <message>
        <source>Unit spectra</source>
        <translation>Enhetsspektrum</translation>
    </message>
    <message numerus="yes">
        <source>N = %1; %n unit(s) with energy at period %2 ± %3: %4</source>
        <translation>
            <numerusform>N = %1; %n enhet med energi vid period %2 ± %3: %4</numerusform>
            <numerusform>N = %1; %n enheter med energi vid period %2 ± %3: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::UnitTracesView</name>
    <message>
        <source>Select units in the activation view
(click a cell;
Ctrl+click adds a unit)</source>
        <translation>Välj enheter i aktiveringsvyn
(klicka på en cell;
Ctrl+klick lägger till en enhet)</translation>
    </message>
    <message>
        <source>The selected units&apos; values over the steps, with the tokens taken. Click to select a step.</source>
        <translation>De valda enheternas värden över stegen, med de dragna token. Klicka för att välja ett steg.</translation>
    </message>
    <message>
        <source>Unit traces</source>
        <translation>Enhetskurvor</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>enhet %1</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, lager %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n enhet</numerusform>
            <numerusform>%n enheter</numerusform>
        </translation>
    </message>
</context>
</TS>
