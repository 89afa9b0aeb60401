<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;folk-rnn Inspector %1&lt;/h3&gt;&lt;p&gt;Step through the generation of a folk-rnn LSTM music model token by token and see what its parameters do.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;folk-rnn Inspektor %1&lt;/h3&gt;&lt;p&gt;Die Erzeugung eines folk-rnn-LSTM-Musikmodells Token für Token verfolgen und sehen, was seine Parameter bewirken.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No model is open.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kein Modell geöffnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Model&lt;/h4&gt;&lt;table&gt;</source>
        <translation>&lt;h4&gt;Modell&lt;/h4&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
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
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>%1 LSTM layers of %2 units</source>
        <translation>%1 LSTM-Schichten mit je %2 Einheiten</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Last validation loss</source>
        <translation>Letzter Validierungsverlust</translation>
    </message>
</context>
<context>
    <name>FigureExportDialog</name>
    <message>
        <source>Text width (17 × 10.5 cm)</source>
        <translation>Textbreite (17 × 10,5 cm)</translation>
    </message>
    <message>
        <source>One column (8.5 × 6.5 cm)</source>
        <translation>Eine Spalte (8,5 × 6,5 cm)</translation>
    </message>
    <message>
        <source>Slide (25.4 × 14.3 cm)</source>
        <translation>Folie (25,4 × 14,3 cm)</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>folk-rnn models (*.h5 *.hdf5 *.pkl);;All files (*)</source>
        <translation>folk-rnn-Modelle (*.h5 *.hdf5 *.pkl);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>Step through a folk-rnn model&apos;s generation token by token.</source>
        <translation>Die Erzeugung eines folk-rnn-Modells Token für Token verfolgen.</translation>
    </message>
    <message>
        <source>Model file (.h5 or .pkl).</source>
        <translation>Modelldatei (.h5 oder .pkl).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>RNG seed (0..4294967295).</source>
        <translation>Seed des Zufallsgenerators (0..4294967295).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Softmax temperature (&gt; 0).</source>
        <translation>Softmax-Temperatur (&gt; 0).</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Tokens to start with, separated by spaces.</source>
        <translation>Tokens, mit denen begonnen wird, durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <source>TOKENS</source>
        <translation>TOKENS</translation>
    </message>
    <message>
        <source>Trace this tune (tokens or ABC) instead of sampling.</source>
        <translation>Diese Melodie (Tokens oder ABC) verfolgen statt zu sampeln.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Generate N steps at start.</source>
        <translation>Beim Start N Schritte erzeugen.</translation>
    </message>
    <message>
        <source>Select these units, e.g. 3,17,40.</source>
        <translation>Diese Einheiten auswählen, z. B. 3,17,40.</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>LISTE</translation>
    </message>
    <message>
        <source>Show this layer (from 1).</source>
        <translation>Diese Schicht zeigen (ab 1).</translation>
    </message>
    <message>
        <source>Show this signal: h, c, i, f, o or g.</source>
        <translation>Dieses Signal zeigen: h, c, i, f, o oder g.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once laid out, then quit.</source>
        <translation>Ein Bild des Fensters nach dem Layout in DATEI speichern und dann beenden.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>Fenstergröße, z. B. 1600x1000.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <source>Ignore the saved window layout.</source>
        <translation>Das gespeicherte Fensterlayout ignorieren.</translation>
    </message>
    <message>
        <source>--temperature: not a number: %1</source>
        <translation>--temperature: keine Zahl: %1</translation>
    </message>
    <message>
        <source>--steps: not a step count: %1</source>
        <translation>--steps: keine Schrittzahl: %1</translation>
    </message>
    <message>
        <source>--units: not a unit number: %1</source>
        <translation>--units: keine Einheitennummer: %1</translation>
    </message>
    <message>
        <source>--layer: not a layer number (from 1): %1</source>
        <translation>--layer: keine Schichtnummer (ab 1): %1</translation>
    </message>
    <message>
        <source>--signal: one of h, c, i, f, o, g: %1</source>
        <translation>--signal: eines von h, c, i, f, o, g: %1</translation>
    </message>
    <message>
        <source>--window-size: expected WxH, e.g. 1600x1000: %1</source>
        <translation>--window-size: BxH erwartet, z. B. 1600x1000: %1</translation>
    </message>
    <message>
        <source>Clamp unit U of layer L to V at steps FROM..TO, as in folkrnn-cli (repeatable).</source>
        <translation>Einheit U der Schicht L in den Schritten FROM..TO auf V fixieren, wie in folkrnn-cli (wiederholbar).</translation>
    </message>
    <message>
        <source>L:U=V[@FROM-TO]</source>
        <translation>L:U=V[@FROM-TO]</translation>
    </message>
    <message>
        <source>Clamp these units of layer L to 0 (repeatable).</source>
        <translation>Diese Einheiten der Schicht L auf 0 fixieren (wiederholbar).</translation>
    </message>
    <message>
        <source>L:U1,U2,...</source>
        <translation>L:U1,U2,...</translation>
    </message>
    <message>
        <source>A session (.frnsession) to open, or a model file (.h5 or .pkl) as with --model.</source>
        <translation>Eine zu öffnende Sitzung (.frnsession) oder eine Modelldatei (.h5 oder .pkl) wie bei --model.</translation>
    </message>
    <message>
        <source>[FILE]</source>
        <translation>[DATEI]</translation>
    </message>
    <message>
        <source>one FILE at most, not %1: %2</source>
        <translation>höchstens eine DATEI, nicht %1: %2</translation>
    </message>
    <message>
        <source>two models given (--model %1 and %2): give one</source>
        <translation>zwei Modelle angegeben (--model %1 und %2): bitte nur eines</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <source>&amp;Open Model…</source>
        <translation>Modell ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a folk-rnn model (HDF5 or .pkl)</source>
        <translation>Ein folk-rnn-Modell öffnen (HDF5 oder .pkl)</translation>
    </message>
    <message>
        <source>&amp;Export All Views…</source>
        <translation>Alle Ansichten &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit the inspector</source>
        <translation>Den Inspektor beenden</translation>
    </message>
    <message>
        <source>Step &amp;Forward</source>
        <translation>Schritt &amp;vorwärts</translation>
    </message>
    <message>
        <source>Generate the next token</source>
        <translation>Das nächste Token erzeugen</translation>
    </message>
    <message>
        <source>Step &amp;Back</source>
        <translation>Schritt &amp;zurück</translation>
    </message>
    <message>
        <source>Undo the last generated token</source>
        <translation>Das zuletzt erzeugte Token zurücknehmen</translation>
    </message>
    <message>
        <source>&amp;Run to End</source>
        <translation>Bis zum &amp;Ende laufen</translation>
    </message>
    <message>
        <source>Generate until &lt;/s&gt; or the maximum length</source>
        <translation>Bis &lt;/s&gt; oder zur Maximallänge erzeugen</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf &amp;abbrechen</translation>
    </message>
    <message>
        <source>Stop a running generation</source>
        <translation>Eine laufende Erzeugung anhalten</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>Zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Back to the start of the tune (same seed)</source>
        <translation>Zurück zum Anfang der Melodie (gleicher Seed)</translation>
    </message>
    <message>
        <source>&amp;First Step</source>
        <translation>E&amp;rster Schritt</translation>
    </message>
    <message>
        <source>Go to step 0</source>
        <translation>Zu Schritt 0 gehen</translation>
    </message>
    <message>
        <source>&amp;Previous Step</source>
        <translation>&amp;Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Look at the previous step</source>
        <translation>Den vorherigen Schritt ansehen</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>&amp;Nächster Schritt</translation>
    </message>
    <message>
        <source>Look at the next recorded step</source>
        <translation>Den nächsten aufgezeichneten Schritt ansehen</translation>
    </message>
    <message>
        <source>&amp;Last Step</source>
        <translation>&amp;Letzter Schritt</translation>
    </message>
    <message>
        <source>Go to the last recorded step</source>
        <translation>Zum letzten aufgezeichneten Schritt gehen</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Abspielen / Pause</translation>
    </message>
    <message>
        <source>Play the tune, every view following the sounding note</source>
        <translation>Die Melodie abspielen; jede Ansicht folgt der klingenden Note</translation>
    </message>
    <message>
        <source>&amp;Stop Playing</source>
        <translation>Wiedergabe &amp;stoppen</translation>
    </message>
    <message>
        <source>Stop the tune</source>
        <translation>Die Melodie anhalten</translation>
    </message>
    <message>
        <source>Play from Current &amp;Step</source>
        <translation>Ab aktuellem Schri&amp;tt abspielen</translation>
    </message>
    <message>
        <source>Play the tune from the selected step</source>
        <translation>Die Melodie ab dem gewählten Schritt abspielen</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>Put every view back in its place</source>
        <translation>Jede Ansicht wieder an ihren Platz setzen</translation>
    </message>
    <message>
        <source>&amp;About folk-rnn Inspector</source>
        <translation>&amp;Über folk-rnn Inspektor</translation>
    </message>
    <message>
        <source>Version and model provenance</source>
        <translation>Version und Herkunft des Modells</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Qt version and licence</source>
        <translation>Qt-Version und Lizenz</translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation>&amp;Abbildung exportieren…</translation>
    </message>
    <message>
        <source>Export one view as PNG, SVG, PDF or CSV</source>
        <translation>Eine Ansicht als PNG, SVG, PDF oder CSV exportieren</translation>
    </message>
    <message>
        <source>Write every view as PNG, SVG, PDF and CSV into a folder</source>
        <translation>Jede Ansicht als PNG, SVG, PDF und CSV in einen Ordner schreiben</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>folk-rnn Inspector</source>
        <translation>folk-rnn Inspektor</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>No bundled model was found. Open one with File &gt; Open Model.</source>
        <translation>Es wurde kein mitgeliefertes Modell gefunden. Öffnen Sie eines mit Datei &gt; Modell öffnen.</translation>
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
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>SettingsCommand</name>
    <message>
        <source>Trace a tune</source>
        <translation>Melodie verfolgen</translation>
    </message>
    <message>
        <source>Back to sampling</source>
        <translation>Zurück zum Sampeln</translation>
    </message>
    <message>
        <source>Trace another tune</source>
        <translation>Andere Melodie verfolgen</translation>
    </message>
    <message>
        <source>Set seed %1</source>
        <translation>Seed %1 setzen</translation>
    </message>
    <message>
        <source>Set temperature %1</source>
        <translation>Temperatur %1 setzen</translation>
    </message>
    <message>
        <source>Set prime</source>
        <translation>Anfang setzen</translation>
    </message>
    <message>
        <source>Set max length %1</source>
        <translation>Maximallänge %1 setzen</translation>
    </message>
</context>
<context>
    <name>TokenOrder</name>
    <message>
        <source>meter</source>
        <translation>Taktart</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Tonart</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>pitch</source>
        <translation>Tonhöhe</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>Notenwert</translation>
    </message>
    <message>
        <source>grouping</source>
        <translation>Gruppierung</translation>
    </message>
    <message>
        <source>special</source>
        <translation>Sonderzeichen</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>TuneInput</name>
    <message>
        <source>tune to trace</source>
        <translation>zu verfolgende Melodie</translation>
    </message>
    <message>
        <source>not token text (%1) and not ABC folk-rnn can read: %2</source>
        <translation>weder Token-Text (%1) noch ABC, das folk-rnn lesen kann: %2</translation>
    </message>
    <message>
        <source>no tokens</source>
        <translation>keine Tokens</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::Document</name>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 4294967295 (got &quot;%1&quot;)</source>
        <translation>muss eine ganze Zahl von 0 bis 4294967295 sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>prime</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>tune to trace</source>
        <translation>zu verfolgende Melodie</translation>
    </message>
    <message>
        <source>longer than %1 tokens</source>
        <translation>länger als %1 Tokens</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>no model is open</source>
        <translation>kein Modell geöffnet</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::InterventionDocks</name>
    <message>
        <source>Interventions</source>
        <translation>Eingriffe</translation>
    </message>
    <message>
        <source>Invalid intervention</source>
        <translation>Ungültiger Eingriff</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::MainWindow</name>
    <message>
        <source>Generation</source>
        <translation>Erzeugung</translation>
    </message>
    <message>
        <source>folk-rnn Inspector</source>
        <translation>folk-rnn Inspektor</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Sampeln</translation>
    </message>
    <message>
        <source>Trace a tune</source>
        <translation>Melodie verfolgen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>&amp;Navigieren</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>&amp;Anhören</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>An&amp;sicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>Ana&amp;lyse</translation>
    </message>
    <message>
        <source>Show the view “%1”</source>
        <translation>Die Ansicht „%1“ zeigen</translation>
    </message>
    <message>
        <source>Over the run</source>
        <translation>Über den Lauf</translation>
    </message>
    <message>
        <source>Of the weights</source>
        <translation>Der Gewichte</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Anhören</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>Schritt %v von %m</translation>
    </message>
    <message>
        <source>Generation stopped</source>
        <translation>Erzeugung angehalten</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>Modell kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The model file %1 could not be opened:

%2

The current model stays open.</source>
        <translation>Die Modelldatei %1 konnte nicht geöffnet werden:

%2

Das aktuelle Modell bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Invalid settings</source>
        <translation>Ungültige Einstellungen</translation>
    </message>
    <message>
        <source>Cannot trace this tune</source>
        <translation>Diese Melodie kann nicht verfolgt werden</translation>
    </message>
    <message>
        <source>No steps yet: Step Forward (F10) or Run to End (F5).</source>
        <translation>Noch keine Schritte: Schritt vorwärts (F10) oder Bis zum Ende laufen (F5).</translation>
    </message>
    <message>
        <source>No model open.</source>
        <translation>Kein Modell geöffnet.</translation>
    </message>
    <message>
        <source>Step %1 of %2 · token %3%4 · log₁₀ p = %5 · seed %6 · temperature %7</source>
        <translation>Schritt %1 von %2 · Token %3%4 · log₁₀ p = %5 · Seed %6 · Temperatur %7</translation>
    </message>
    <message>
        <source> (given)</source>
        <translation> (vorgegeben)</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Export All Views To</source>
        <translation>Alle Ansichten exportieren nach</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>These files could not be written:
%1</source>
        <translation>Diese Dateien konnten nicht geschrieben werden:
%1</translation>
    </message>
    <message>
        <source>Exported every view to %1</source>
        <translation>Alle Ansichten nach %1 exportiert</translation>
    </message>
    <message>
        <source>About folk-rnn Inspector</source>
        <translation>Über folk-rnn Inspektor</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of the inspector.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start des Inspektors.</translation>
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
        <translation>folk-rnn-Sitzungen (*.frnsession);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Open &amp;Session…</source>
        <translation>S&amp;itzung öffnen…</translation>
    </message>
    <message>
        <source>Open a saved session (.frnsession)</source>
        <translation>Eine gespeicherte Sitzung öffnen (.frnsession)</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>Sitzung &amp;speichern</translation>
    </message>
    <message>
        <source>Save the tune, settings, interventions, selection, layout and notes</source>
        <translation>Melodie, Einstellungen, Eingriffe, Auswahl, Layout und Notizen speichern</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>Sitzung speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the session to another file</source>
        <translation>Die Sitzung in einer anderen Datei speichern</translation>
    </message>
    <message>
        <source>Notes on this session: what you tried, what you saw. Saved with the session.</source>
        <translation>Notizen zu dieser Sitzung: was Sie versucht und was Sie gesehen haben. Werden mit der Sitzung gespeichert.</translation>
    </message>
    <message>
        <source>Open Recent Sessio&amp;n</source>
        <translation>Zuletzt geöffnete Sitzu&amp;ng</translation>
    </message>
    <message>
        <source>%1 (recovered)</source>
        <translation>%1 (wiederhergestellt)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1[*] — folk-rnn Inspector</source>
        <translation>%1[*] — folk-rnn Inspektor</translation>
    </message>
    <message>
        <source>%1[*] — %2 — folk-rnn Inspector</source>
        <translation>%1[*] — %2 — folk-rnn Inspektor</translation>
    </message>
    <message>
        <source>Cannot save session</source>
        <translation>Sitzung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The session could not be saved to %1:

%2

Any earlier file there is unchanged.</source>
        <translation>Die Sitzung konnte nicht nach %1 gespeichert werden:

%2

Eine frühere Datei dort bleibt unverändert.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The session “%1” has changes that are not saved. Save them?</source>
        <translation>Die Sitzung „%1“ hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Cannot open session</source>
        <translation>Sitzung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The session file %1 could not be opened:

%2

The current session stays open.</source>
        <translation>Die Sitzungsdatei %1 konnte nicht geöffnet werden:

%2

Die aktuelle Sitzung bleibt geöffnet.</translation>
    </message>
    <message>
        <source>The session %1 could not be shown:

%2</source>
        <translation>Die Sitzung %1 konnte nicht angezeigt werden:

%2</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Recover unsaved session</source>
        <translation>Ungespeicherte Sitzung wiederherstellen</translation>
    </message>
    <message>
        <source>folk-rnn Inspector did not close normally. An autosaved copy of “%1” from %2 can be recovered.

Recover it? (Discard deletes the copy; Cancel keeps it for the next start.)</source>
        <translation>folk-rnn Inspektor wurde nicht normal beendet. Eine automatisch gespeicherte Kopie von „%1“ vom %2 kann wiederhergestellt werden.

Wiederherstellen? (Verwerfen löscht die Kopie; Abbrechen behält sie für den nächsten Start.)</translation>
    </message>
    <message>
        <source>Cannot recover session</source>
        <translation>Sitzung kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>The autosaved copy %1 could not be read:

%2</source>
        <translation>Die automatisch gespeicherte Kopie %1 konnte nicht gelesen werden:

%2</translation>
    </message>
    <message>
        <source>&amp;Locate Model…</source>
        <translation>Modell &amp;suchen…</translation>
    </message>
    <message>
        <source>Find the model this read-only session was made with, to step it again</source>
        <translation>Das Modell suchen, mit dem diese schreibgeschützte Sitzung erstellt wurde, um sie wieder schrittweise auszuführen</translation>
    </message>
    <message>
        <source>Read-only: %1 Showing the stored run; locate the session&apos;s model (File &gt; Locate Model…) to step it again.</source>
        <translation>Schreibgeschützt: %1 Der gespeicherte Lauf wird angezeigt; suchen Sie das Modell der Sitzung (Datei &gt; Modell suchen…), um sie wieder schrittweise auszuführen.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Locate Model</source>
        <translation>Modell suchen</translation>
    </message>
    <message>
        <source>Locate Model “%1”</source>
        <translation>Modell „%1“ suchen</translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation>Dieses Modell kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>The model file %1 cannot be used for this session:

%2

The session stays open read-only.</source>
        <translation>Die Modelldatei %1 kann für diese Sitzung nicht verwendet werden:

%2

Die Sitzung bleibt schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>It is not the model this session was made with (%1): its weights differ.</source>
        <translation>Es ist nicht das Modell, mit dem diese Sitzung erstellt wurde (%1): die Gewichte unterscheiden sich.</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::SettingsPanel</name>
    <message>
        <source>Seed of the random number generator (0 to 4294967295), as in sample_rnn.py.</source>
        <translation>Seed des Zufallszahlengenerators (0 bis 4294967295), wie in sample_rnn.py.</translation>
    </message>
    <message>
        <source>Softmax temperature: below 1 sharpens the distribution, above 1 flattens it.</source>
        <translation>Softmax-Temperatur: unter 1 wird die Verteilung schärfer, über 1 flacher.</translation>
    </message>
    <message>
        <source>e.g. M:4/4 K:Cmaj |:</source>
        <translation>z. B. M:4/4 K:Cmaj |:</translation>
    </message>
    <message>
        <source>Tokens taken before sampling starts, separated by spaces.</source>
        <translation>Tokens, die vor Beginn des Samplings gesetzt werden, durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <source>Steps at most, &lt;/s&gt; included.</source>
        <translation>Höchstens so viele Schritte, &lt;/s&gt; eingeschlossen.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>Start a new tune with these settings (undoable).</source>
        <translation>Eine neue Melodie mit diesen Einstellungen beginnen (rückgängig machbar).</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>S&amp;eed</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperatur</translation>
    </message>
    <message>
        <source>&amp;Prime</source>
        <translation>&amp;Anfang</translation>
    </message>
    <message>
        <source>&amp;Max length</source>
        <translation>&amp;Maximallänge</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::Startup</name>
    <message>
        <source>Interventions from the command line</source>
        <translation>Eingriffe von der Kommandozeile</translation>
    </message>
</context>
<context>
    <name>folkrnn::gui::TracePanel</name>
    <message>
        <source>Paste a tune: folk-rnn tokens (M:4/4 K:Cmaj |: G C ...) or ABC.</source>
        <translation>Eine Melodie einfügen: folk-rnn-Tokens (M:4/4 K:Cmaj |: G C ...) oder ABC.</translation>
    </message>
    <message>
        <source>T&amp;race</source>
        <translation>&amp;Verfolgen</translation>
    </message>
    <message>
        <source>Run the model over this tune, token by token, recording how probable it found each.</source>
        <translation>Das Modell Token für Token über diese Melodie laufen lassen und aufzeichnen, wie wahrscheinlich es jedes Token fand.</translation>
    </message>
    <message>
        <source>Back to &amp;sampling</source>
        <translation>Zurück zum &amp;Sampeln</translation>
    </message>
    <message numerus="yes">
        <source>Tracing a tune of %n token(s).</source>
        <translation>
            <numerusform>Verfolgt eine Melodie mit %n Token.</numerusform>
            <numerusform>Verfolgt eine Melodie mit %n Tokens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sampling: the model chooses each token.</source>
        <translation>Sampeln: Das Modell wählt jedes Token.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::AbcView</name>
    <message>
        <source>The tune so far, token by token. Click a token to go to its step.</source>
        <translation>Die Melodie bis hierher, Token für Token. Ein Token anklicken, um zu seinem Schritt zu gehen.</translation>
    </message>
    <message>
        <source>Staff notation needs abcm2ps, which was not found on PATH.</source>
        <translation>Für die Notenschrift wird abcm2ps benötigt, das nicht im PATH gefunden wurde.</translation>
    </message>
    <message>
        <source>Tune (ABC)</source>
        <translation>Melodie (ABC)</translation>
    </message>
    <message>
        <source>The engraved staff could not be read.</source>
        <translation>Der gesetzte Notentext konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::ActivationHeatmapView</name>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Activations of the chosen layer and signal: units (rows) by steps (columns), blue negative, red positive. Click to select a step and a unit; Ctrl+click adds or removes a unit.</source>
        <translation>Aktivierungen der gewählten Schicht und des gewählten Signals: Einheiten (Zeilen) über Schritte (Spalten), blau negativ, rot positiv. Klicken wählt einen Schritt und eine Einheit; Strg+Klick fügt eine Einheit hinzu oder entfernt sie.</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, Schicht %2</translation>
    </message>
    <message>
        <source>click a cell to select a unit</source>
        <translation>eine Zelle anklicken, um eine Einheit zu wählen</translation>
    </message>
    <message>
        <source>units: %1</source>
        <translation>Einheiten: %1</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::AnnotationTrackView</name>
    <message>
        <source>bar</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>time in bar</source>
        <translation>Zeit im Takt</translation>
    </message>
    <message>
        <source>part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>ending</source>
        <translation>Volta</translation>
    </message>
    <message>
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>pitch</source>
        <translation>Tonhöhe</translation>
    </message>
    <message>
        <source>What each token is in the tune: bar (alternate shading, numbered), tokens since the bar line, time in the bar, part, repeat, ending, token category, pitch. Lines mark bar lines. Click to select a step.</source>
        <translation>Was jedes Token in der Melodie ist: Takt (abwechselnd schattiert, nummeriert), Tokens seit dem Taktstrich, Zeit im Takt, Teil, Wiederholung, Volta, Token-Kategorie, Tonhöhe. Linien markieren Taktstriche. Klicken wählt einen Schritt.</translation>
    </message>
    <message>
        <source>Annotation tracks</source>
        <translation>Annotationsspuren</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::ClampPanel</name>
    <message>
        <source>&amp;Add Selected Units</source>
        <translation>Gewählte Einheiten &amp;hinzufügen</translation>
    </message>
    <message>
        <source>C&amp;lear All</source>
        <translation>Alle &amp;entfernen</translation>
    </message>
    <message>
        <source>Clamp the units selected in any view (of the selected layer) to 0; then move each slider to set the value</source>
        <translation>Die in einer Ansicht gewählten Einheiten (der gewählten Schicht) auf 0 fixieren; dann mit jedem Schieberegler den Wert einstellen</translation>
    </message>
    <message>
        <source>Remove every intervention</source>
        <translation>Alle Eingriffe entfernen</translation>
    </message>
    <message>
        <source>No interventions. Select units in the activation heatmap or the unit traces, then Add Selected Units: the run is recomputed with those units clamped, and the comparison view shows what changed against the untouched run.</source>
        <translation>Keine Eingriffe. Einheiten in der Aktivierungs-Heatmap oder den Einheitenverläufen wählen, dann Gewählte Einheiten hinzufügen: Der Lauf wird mit fixierten Einheiten neu berechnet, und die Vergleichsansicht zeigt, was sich gegenüber dem unveränderten Lauf geändert hat.</translation>
    </message>
    <message>
        <source>Clamp selected units</source>
        <translation>Gewählte Einheiten fixieren</translation>
    </message>
    <message>
        <source>Remove all interventions</source>
        <translation>Alle Eingriffe entfernen</translation>
    </message>
    <message>
        <source>&amp;Add Selected Units (%1 of layer %2)</source>
        <translation>Gewählte Einheiten &amp;hinzufügen (%1 aus Schicht %2)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1 setzen</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::ClampRow</name>
    <message>
        <source>Apply this intervention</source>
        <translation>Diesen Eingriff anwenden</translation>
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
        <translation>Versteckter Zustand h oder Zellzustand c (gesetzt vor h = o·tanh(c))</translation>
    </message>
    <message>
        <source>from </source>
        <translation>ab </translation>
    </message>
    <message>
        <source>First step the value is applied at (step 0 consumes &lt;s&gt;)</source>
        <translation>Erster Schritt, bei dem der Wert angewendet wird (Schritt 0 liest &lt;s&gt;)</translation>
    </message>
    <message>
        <source>to end</source>
        <translation>bis zum Ende</translation>
    </message>
    <message>
        <source>to </source>
        <translation>bis </translation>
    </message>
    <message>
        <source>Last step the value is applied at</source>
        <translation>Letzter Schritt, bei dem der Wert angewendet wird</translation>
    </message>
    <message>
        <source>Remove this intervention</source>
        <translation>Diesen Eingriff entfernen</translation>
    </message>
    <message>
        <source>Scale factor, 0 to %1</source>
        <translation>Skalierungsfaktor, 0 bis %1</translation>
    </message>
    <message>
        <source>Value, %1 to %2</source>
        <translation>Wert, %1 bis %2</translation>
    </message>
    <message>
        <source>layer %1, unit %2</source>
        <translation>Schicht %1, Einheit %2</translation>
    </message>
    <message>
        <source>layer %1, units %2</source>
        <translation>Schicht %1, Einheiten %2</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::ComparisonView</name>
    <message>
        <source>Baseline (untouched) and intervened runs: differing tokens marked, KL divergence per step, measures (tokens between bar lines). Click to select a step.</source>
        <translation>Referenzlauf (unverändert) und Lauf mit Eingriff: abweichende Tokens markiert, KL-Divergenz pro Schritt, Takte (Tokens zwischen Taktstrichen). Klicken wählt einen Schritt.</translation>
    </message>
    <message>
        <source>Intervention comparison</source>
        <translation>Vergleich der Eingriffe</translation>
    </message>
    <message>
        <source>%1: %2 steps · %3 bar lines · %4 measures, %5 tokens each on average · %6 of %7 checked measures of the meter&apos;s length%8</source>
        <translation>%1: %2 Schritte · %3 Taktstriche · %4 Takte, im Mittel je %5 Tokens · %6 von %7 geprüften Takten haben die Länge der Taktart%8</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Intervened</source>
        <translation>Mit Eingriff</translation>
    </message>
    <message>
        <source> · regular</source>
        <translation> · regelmäßig</translation>
    </message>
    <message>
        <source> · not regular</source>
        <translation> · nicht regelmäßig</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>Noch kein Lauf.</translation>
    </message>
    <message>
        <source>Same tokens · mean KL %1 nats · max %2</source>
        <translation>Gleiche Tokens · mittlere KL %1 nat · max. %2</translation>
    </message>
    <message>
        <source>%1 differing tokens from step %2 · mean KL %3 nats · max %4</source>
        <translation>%1 abweichende Tokens ab Schritt %2 · mittlere KL %3 nat · max. %4</translation>
    </message>
    <message>
        <source>KL(baseline ‖ intervened) per step, nats</source>
        <translation>KL(Referenz ‖ Eingriff) pro Schritt, nat</translation>
    </message>
    <message>
        <source>Measures: tokens between bar lines (green: the meter&apos;s length, red: not, grey: not checked)</source>
        <translation>Takte: Tokens zwischen Taktstrichen (grün: Länge der Taktart, rot: nicht, grau: nicht geprüft)</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>interv.</source>
        <translation>Eingr.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::CorpusQueryPanel</name>
    <message>
        <source>Run over corpus</source>
        <translation>Über Korpus laufen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sampled tunes, seeds</source>
        <translation>Gesampelte Melodien, Seeds</translation>
    </message>
    <message>
        <source>Token corpus, teacher-forced</source>
        <translation>Token-Korpus, mit Teacher Forcing</translation>
    </message>
    <message>
        <source>folk-rnn token corpus file</source>
        <translation>folk-rnn-Token-Korpusdatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Steps to line the pattern up with: bar-line, token:|, category:measure, bar-position:8, bar-eighth:0, part:2, ending:1, repeat, pitch:12</source>
        <translation>Schritte, an denen das Muster ausgerichtet wird: bar-line, token:|, category:measure, bar-position:8, bar-eighth:0, part:2, ending:1, repeat, pitch:12</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>before target</source>
        <translation>vor dem Ziel</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>am Ziel</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>mean at target</source>
        <translation>Mittel am Ziel</translation>
    </message>
    <message>
        <source>&apos;before target&apos;: share of the target steps the unit&apos;s pattern precedes; &apos;on target&apos;: share of its matches that precede a target. Click a row to select the unit.</source>
        <translation>„vor dem Ziel“: Anteil der Zielschritte, denen das Muster der Einheit vorausgeht; „am Ziel“: Anteil ihrer Treffer, die einem Ziel vorausgehen. Eine Zeile anklicken, um die Einheit zu wählen.</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Token corpus</source>
        <translation>Token-Korpus</translation>
    </message>
    <message>
        <source>No model: open one first.</source>
        <translation>Kein Modell: Zuerst eines öffnen.</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>Korpus</translation>
    </message>
    <message>
        <source>no model is open</source>
        <translation>kein Modell geöffnet</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>the last seed is before the first</source>
        <translation>der letzte Seed liegt vor dem ersten</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>name at least one, e.g. bar-line</source>
        <translation>mindestens eines angeben, z. B. bar-line</translation>
    </message>
    <message>
        <source>Recording %1 runs…</source>
        <translation>Zeichne %1 Läufe auf…</translation>
    </message>
    <message>
        <source>Cancelling after the current run…</source>
        <translation>Breche nach dem aktuellen Lauf ab…</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 runs, %3 steps.</source>
        <translation>Abgebrochen: %1 von %2 Läufen, %3 Schritte.</translation>
    </message>
    <message>
        <source>%1 of %2 runs, %3 steps.</source>
        <translation>%1 von %2 Läufen, %3 Schritte.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
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
        <translation>gezogenes Token</translation>
    </message>
    <message>
        <source>selected token</source>
        <translation>gewähltes Token</translation>
    </message>
    <message>
        <source>Probability of each token (display order) at the selected step. Red: the token taken; outlined: the selected token. Click a bar to select its token.</source>
        <translation>Wahrscheinlichkeit jedes Tokens (Anzeigereihenfolge) im gewählten Schritt. Rot: das gezogene Token; umrandet: das gewählte Token. Einen Balken anklicken, um sein Token zu wählen.</translation>
    </message>
    <message>
        <source>Distribution at step</source>
        <translation>Verteilung im Schritt</translation>
    </message>
    <message>
        <source>p at step %1</source>
        <translation>p in Schritt %1</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG (Vektor)</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF (Vektor)</translation>
    </message>
    <message>
        <source>CSV (the numbers shown)</source>
        <translation>CSV (die gezeigten Zahlen)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
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
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>A&amp;nsicht:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Auflösung:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Dat&amp;ei:</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>The numbers the view shows, one row per item, with a header row.</source>
        <translation>Die Zahlen, die die Ansicht zeigt, eine Zeile pro Eintrag, mit Kopfzeile.</translation>
    </message>
    <message>
        <source>Vector: text and lines stay sharp at any size.</source>
        <translation>Vektor: Text und Linien bleiben in jeder Größe scharf.</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The file %1 could not be written. Check that its folder exists and is writable.</source>
        <translation>Die Datei %1 konnte nicht geschrieben werden. Prüfen Sie, ob ihr Ordner existiert und beschreibbar ist.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::GateInputsView</name>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Schicht</translation>
    </message>
    <message>
        <source>‖column‖</source>
        <translation>‖Spalte‖</translation>
    </message>
    <message>
        <source>cos(column, bias)</source>
        <translation>cos(Spalte, Bias)</translation>
    </message>
    <message>
        <source>mean gate value</source>
        <translation>mittlerer Gate-Wert</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>Bias</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Per input (token for the first layer) of the chosen layer: the norm of its column in each gate&apos;s input matrix, the cosine with the gate&apos;s bias, and the gate&apos;s mean value for that input alone; below, the four bias vectors. Click an input to select its token.</source>
        <translation>Pro Eingabe (Token in der ersten Schicht) der gewählten Schicht: die Norm ihrer Spalte in der Eingabematrix jedes Gates, der Kosinus zum Bias des Gates und der mittlere Gate-Wert für diese Eingabe allein; darunter die vier Bias-Vektoren. Eine Eingabe anklicken, um ihr Token zu wählen.</translation>
    </message>
    <message>
        <source>Gate input columns and biases</source>
        <translation>Eingabespalten und Biases der Gates</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>input unit</source>
        <translation>Eingabeeinheit</translation>
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
        <translation>&amp;Schicht</translation>
    </message>
    <message>
        <source>&amp;Gate</source>
        <translation>&amp;Gate</translation>
    </message>
    <message>
        <source>i: input</source>
        <translation>i: Eingang</translation>
    </message>
    <message>
        <source>f: forget</source>
        <translation>f: Vergessen</translation>
    </message>
    <message>
        <source>c: cell input</source>
        <translation>c: Zelleingabe</translation>
    </message>
    <message>
        <source>o: output</source>
        <translation>o: Ausgang</translation>
    </message>
    <message>
        <source>cumulative fraction of the singular values of W_h</source>
        <translation>kumulierter Anteil der Singulärwerte von W_h</translation>
    </message>
    <message>
        <source>‖U_r U_rᵀ w_k‖ / ‖w_k‖</source>
        <translation>‖U_r U_rᵀ w_k‖ / ‖w_k‖</translation>
    </message>
    <message>
        <source>cos(w_k + b, column of W_h)</source>
        <translation>cos(w_k + b, Spalte von W_h)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Top: for each input (token) of the layer, the fraction of its input-matrix column inside the span of the leading singular vectors of the recurrent matrix, as more are added. Bottom: histogram of the cosines between input columns plus bias and recurrent columns. Click a curve to select its token.</source>
        <translation>Oben: für jede Eingabe (Token) der Schicht der Anteil ihrer Spalte der Eingabematrix im Aufspann der führenden Singulärvektoren der rekurrenten Matrix, wenn mehr hinzukommen. Unten: Histogramm der Kosinus zwischen Eingabespalten plus Bias und rekurrenten Spalten. Eine Kurve anklicken, um ihr Token zu wählen.</translation>
    </message>
    <message>
        <source>Gate subspaces</source>
        <translation>Unterräume der Gates</translation>
    </message>
    <message>
        <source>computing the SVD of W_h%1 (layer %2)…</source>
        <translation>berechne die SVD von W_h%1 (Schicht %2)…</translation>
    </message>
    <message>
        <source>W_h%1 of layer %2: largest singular value %3</source>
        <translation>W_h%1 von Schicht %2: größter Singulärwert %3</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::GramianView</name>
    <message>
        <source>sort by row &amp;variance</source>
        <translation>nach Zeilen&amp;varianz sortieren</translation>
    </message>
    <message>
        <source>&amp;Matrix</source>
        <translation>&amp;Matrix</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>Cosines between the columns of the chosen matrix (each normalised): red, the same direction; blue, opposite. Click a cell to select its two units (or its token).</source>
        <translation>Kosinus zwischen den Spalten der gewählten Matrix (jede normiert): rot, gleiche Richtung; blau, entgegengesetzt. Eine Zelle anklicken, um ihre zwei Einheiten (oder ihr Token) zu wählen.</translation>
    </message>
    <message>
        <source>Gramian of a weight matrix</source>
        <translation>Gram-Matrix einer Gewichtsmatrix</translation>
    </message>
    <message>
        <source>softmax W (units of layer %1)</source>
        <translation>Softmax-W (Einheiten der Schicht %1)</translation>
    </message>
    <message>
        <source>%1  %2 %3 and %4</source>
        <translation>%1  %2 %3 und %4</translation>
    </message>
    <message>
        <source>alike:</source>
        <translation>gleich:</translation>
    </message>
    <message>
        <source>opposed:</source>
        <translation>entgegengesetzt:</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::InspectorView</name>
    <message>
        <source>Export Figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <source>Export Data as CSV…</source>
        <translation>Daten als CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::LayerSignalBar</name>
    <message>
        <source>h: hidden state</source>
        <translation>h: versteckter Zustand</translation>
    </message>
    <message>
        <source>c: cell state</source>
        <translation>c: Zellzustand</translation>
    </message>
    <message>
        <source>i: input gate</source>
        <translation>i: Eingangsgate</translation>
    </message>
    <message>
        <source>f: forget gate</source>
        <translation>f: Vergessensgate</translation>
    </message>
    <message>
        <source>o: output gate</source>
        <translation>o: Ausgangsgate</translation>
    </message>
    <message>
        <source>g: cell input</source>
        <translation>g: Zelleingabe</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Schicht</translation>
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
        <translation>Schritt</translation>
    </message>
    <message>
        <source>log₁₀ p</source>
        <translation>log₁₀ p</translation>
    </message>
    <message>
        <source>chosen token</source>
        <translation>gezogenes Token</translation>
    </message>
    <message>
        <source>log₁₀ probability of each token (rows, grouped by category) at each step (columns). Dots: the token taken. Click a cell to select its step and token; drag or wheel to pan and zoom the steps; double-click to show all steps.</source>
        <translation>log₁₀-Wahrscheinlichkeit jedes Tokens (Zeilen, nach Kategorie gruppiert) in jedem Schritt (Spalten). Punkte: das gezogene Token. Eine Zelle anklicken, um ihren Schritt und ihr Token zu wählen; ziehen oder scrollen, um die Schritte zu verschieben und zu zoomen; Doppelklick zeigt alle Schritte.</translation>
    </message>
    <message>
        <source>Log-probabilities</source>
        <translation>Log-Wahrscheinlichkeiten</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::LogitPushView</name>
    <message>
        <source>δ (change of the token&apos;s logit)</source>
        <translation>δ (Änderung des Logits des Tokens)</translation>
    </message>
    <message>
        <source>α (factor on its probability)</source>
        <translation>α (Faktor auf seine Wahrscheinlichkeit)</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>δ needed</source>
        <translation>nötiges δ</translation>
    </message>
    <message>
        <source>How much a change δ of one token&apos;s pre-softmax value multiplies its probability p (left), and the change needed for a given factor (right), for several p; dashed: the selected token at the selected step.</source>
        <translation>Wie stark eine Änderung δ des Werts eines Tokens vor dem Softmax seine Wahrscheinlichkeit p vervielfacht (links), und die für einen gegebenen Faktor nötige Änderung (rechts), für mehrere p; gestrichelt: das gewählte Token im gewählten Schritt.</translation>
    </message>
    <message>
        <source>Pushing a logit</source>
        <translation>Einen Logit verschieben</translation>
    </message>
    <message>
        <source>Select a token and a step to see its own curves.</source>
        <translation>Ein Token und einen Schritt wählen, um seine eigenen Kurven zu sehen.</translation>
    </message>
    <message>
        <source>“%1” at step %2: p = %3.</source>
        <translation>„%1“ in Schritt %2: p = %3.</translation>
    </message>
    <message>
        <source> Unit %1 of the last layer at +1 moves its logit by %2: ×%3 (all else equal); at −1: ×%4.</source>
        <translation> Einheit %1 der letzten Schicht auf +1 verschiebt seinen Logit um %2: ×%3 (alles andere gleich); auf −1: ×%4.</translation>
    </message>
    <message>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
    <message>
        <source>selected: p = %1</source>
        <translation>gewählt: p = %1</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::MaxMagnitudeView</name>
    <message>
        <source>units, sorted by their maximum magnitude</source>
        <translation>Einheiten, nach ihrem maximalen Betrag sortiert</translation>
    </message>
    <message>
        <source>max over the run of |x|</source>
        <translation>Maximum von |x| über den Lauf</translation>
    </message>
    <message>
        <source>The largest magnitude each unit reaches over the run, units sorted from smallest to largest: units that stay off sit at the left, saturating units at the right. Click to select a unit; Ctrl+click adds or removes one.</source>
        <translation>Der größte Betrag, den jede Einheit im Lauf erreicht, Einheiten vom kleinsten zum größten sortiert: Einheiten, die aus bleiben, stehen links, sättigende Einheiten rechts. Klicken wählt eine Einheit; Strg+Klick fügt eine hinzu oder entfernt sie.</translation>
    </message>
    <message>
        <source>Maximum magnitude per unit</source>
        <translation>Maximaler Betrag pro Einheit</translation>
    </message>
    <message>
        <source>off (≤ %1): %2   saturating (≥ %3): %4</source>
        <translation>aus (≤ %1): %2   sättigend (≥ %3): %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::PatternQueryView</name>
    <message>
        <source>dip</source>
        <translation>Senke</translation>
    </message>
    <message>
        <source>Find units</source>
        <translation>Einheiten finden</translation>
    </message>
    <message>
        <source>Find steps</source>
        <translation>Schritte finden</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Wertung</translation>
    </message>
    <message>
        <source>mean inside</source>
        <translation>Mittel innen</translation>
    </message>
    <message>
        <source>max outside</source>
        <translation>Max. außen</translation>
    </message>
    <message>
        <source>first</source>
        <translation>erster</translation>
    </message>
    <message>
        <source>last</source>
        <translation>letzter</translation>
    </message>
    <message>
        <source>A unit is on at or above this value (at or below it with &apos;dip&apos;).</source>
        <translation>Eine Einheit ist an bei oder über diesem Wert (bei oder unter ihm mit „Senke“).</translation>
    </message>
    <message>
        <source>Steps before the range where the units must be off.</source>
        <translation>Schritte vor dem Bereich, in denen die Einheiten aus sein müssen.</translation>
    </message>
    <message>
        <source>Steps after the range where the units must be off.</source>
        <translation>Schritte nach dem Bereich, in denen die Einheiten aus sein müssen.</translation>
    </message>
    <message>
        <source>Units on over the range and off around it, best first (score: mean inside minus the largest value outside). Select rows to select the units.</source>
        <translation>Einheiten, die im Bereich an und um ihn herum aus sind, beste zuerst (Wertung: Mittel innen minus größter Wert außen). Zeilen markieren, um die Einheiten zu wählen.</translation>
    </message>
    <message>
        <source>Where all the selected units show the same pattern. Click to go to the step.</source>
        <translation>Wo alle gewählten Einheiten dasselbe Muster zeigen. Klicken, um zum Schritt zu gehen.</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>off before</source>
        <translation>aus davor</translation>
    </message>
    <message>
        <source>after</source>
        <translation>danach</translation>
    </message>
    <message>
        <source>Pattern query</source>
        <translation>Musterabfrage</translation>
    </message>
    <message>
        <source>No run.</source>
        <translation>Kein Lauf.</translation>
    </message>
    <message>
        <source>Steps %1–%2 of layer %3, %4</source>
        <translation>Schritte %1–%2 der Schicht %3, %4</translation>
    </message>
    <message>
        <source>No unit of layer %1 matches: lower the threshold or the steps off.</source>
        <translation>Keine Einheit der Schicht %1 passt: die Schwelle oder die Aus-Schritte verringern.</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) of layer %1 match steps %2–%3.</source>
        <translation>
            <numerusform>%n Einheit der Schicht %1 passt zu den Schritten %2–%3.</numerusform>
            <numerusform>%n Einheiten der Schicht %1 passen zu den Schritten %2–%3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n selected unit(s) match together at %1 place(s).</source>
        <translation>
            <numerusform>Die %n gewählte Einheit passt an %1 Stelle(n).</numerusform>
            <numerusform>Die %n gewählten Einheiten passen gemeinsam an %1 Stelle(n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Find units first, or select some.</source>
        <translation>Zuerst Einheiten finden oder welche wählen.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::PlayerBar</name>
    <message>
        <source>Play the tune</source>
        <translation>Die Melodie abspielen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Play from the current step</source>
        <translation>Ab dem aktuellen Schritt abspielen</translation>
    </message>
    <message>
        <source>Loop the selected step range (the whole tune when none is selected)</source>
        <translation>Den gewählten Schrittbereich in Schleife abspielen (die ganze Melodie, wenn keiner gewählt ist)</translation>
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
        <translation> BPM</translation>
    </message>
    <message>
        <source>Beats per minute (a dotted quarter in 6/8); auto: a dance tempo for the meter</source>
        <translation>Schläge pro Minute (eine punktierte Viertel im 6/8); auto: ein Tanztempo für die Taktart</translation>
    </message>
    <message>
        <source>Sound steps</source>
        <translation>Schritte hörbar</translation>
    </message>
    <message>
        <source>Sound each new note while stepping through a generation</source>
        <translation>Jede neue Note beim schrittweisen Erzeugen erklingen lassen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
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
        <translation>Einheiten von &amp;w_i wählen</translation>
    </message>
    <message>
        <source>singular &amp;vector i</source>
        <translation>Singulär&amp;vektor i</translation>
    </message>
    <message>
        <source>singular value</source>
        <translation>Singulärwert</translation>
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
        <translation>Oben: Singulärwerte der Softmax-Matrix (einen anklicken, um ihn zu wählen). Mitte: sein linker Singulärvektor über die Tokens. Unten: die Verteilungen, wenn die letzte Schicht plus oder minus den rechten Singulärvektor ausgibt. Ein Token anklicken, um es zu wählen.</translation>
    </message>
    <message>
        <source>Softmax singular vectors</source>
        <translation>Softmax-Singulärvektoren</translation>
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
        <translation>Rang (kleinster bis größter)</translation>
    </message>
    <message>
        <source>fraction of units</source>
        <translation>Anteil der Einheiten</translation>
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
        <translation>Oben: die Aktivierungen jedes Schritts vom kleinsten (unten) zum größten (oben) sortiert. Unten: Anteil der fast stillen (|x| &lt; 0,07) und stark aktiven (|x| &gt; 0,8) Einheiten. Klicken wählt einen Schritt.</translation>
    </message>
    <message>
        <source>Sorted activations and sparsity</source>
        <translation>Sortierte Aktivierungen und Dünnbesetztheit</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, Schicht %2</translation>
    </message>
    <message>
        <source>over the run: %1% of |x| &lt; 0.07, %2% &gt; 0.8 (%3 units per step)</source>
        <translation>über den Lauf: %1 % von |x| &lt; 0,07, %2 % &gt; 0,8 (%3 Einheiten pro Schritt)</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::StaffRenderer</name>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>abcm2ps could not be started</source>
        <translation>abcm2ps konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>abcm2ps failed (exit status %1): %2</source>
        <translation>abcm2ps ist fehlgeschlagen (Exit-Status %1): %2</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::StepStatsView</name>
    <message>
        <source>entropy (bits)</source>
        <translation>Entropie (Bit)</translation>
    </message>
    <message>
        <source>log₁₀ p(taken)</source>
        <translation>log₁₀ p(gez.)</translation>
    </message>
    <message>
        <source>H (bits)</source>
        <translation>H (Bit)</translation>
    </message>
    <message>
        <source>log₁₀ p</source>
        <translation>log₁₀ p</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <source>log₁₀ p of the token taken</source>
        <translation>log₁₀ p des gezogenen Tokens</translation>
    </message>
    <message>
        <source>Top: entropy of the distribution at each step. Bottom: log₁₀ probability of the token taken. Click to select a step.</source>
        <translation>Oben: Entropie der Verteilung in jedem Schritt. Unten: log₁₀-Wahrscheinlichkeit des gezogenen Tokens. Klicken wählt einen Schritt.</translation>
    </message>
    <message>
        <source>Entropy and surprise</source>
        <translation>Entropie und Überraschung</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::TokenAssociationView</name>
    <message>
        <source>Units &amp;before token</source>
        <translation>Einheiten &amp;vor Token</translation>
    </message>
    <message>
        <source>steps &amp;back</source>
        <translation>Schritte &amp;zurück</translation>
    </message>
    <message>
        <source>mean value before the token</source>
        <translation>Mittelwert vor dem Token</translation>
    </message>
    <message>
        <source>For the selected unit: its mean value at the steps just before each token was emitted (tokens in display order; no bar where the token never occurs). Dashed: the unit&apos;s mean over the run. Click a bar to select its token.</source>
        <translation>Für die gewählte Einheit: ihr Mittelwert in den Schritten kurz bevor jedes Token ausgegeben wurde (Tokens in Anzeigereihenfolge; kein Balken, wo das Token nie vorkommt). Gestrichelt: das Mittel der Einheit über den Lauf. Einen Balken anklicken, um sein Token zu wählen.</translation>
    </message>
    <message>
        <source>Unit before tokens</source>
        <translation>Einheit vor Tokens</translation>
    </message>
    <message>
        <source>select a unit (e.g. click one in the activations or the spectra)</source>
        <translation>eine Einheit wählen (z. B. eine in den Aktivierungen oder Spektren anklicken)</translation>
    </message>
    <message>
        <source>unit %1 of layer %2</source>
        <translation>Einheit %1 der Schicht %2</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::TunePlayer</name>
    <message>
        <source>No audio output device: playback is off (MIDI and WAV export still work).</source>
        <translation>Kein Audioausgabegerät: Wiedergabe ist aus (MIDI- und WAV-Export funktionieren weiterhin).</translation>
    </message>
    <message>
        <source>The audio output device does not take 44.1 kHz 16-bit stereo: playback is off.</source>
        <translation>Das Audioausgabegerät nimmt kein 44,1 kHz 16-Bit-Stereo an: Wiedergabe ist aus.</translation>
    </message>
    <message>
        <source>No General MIDI SoundFont installed (Debian package timgm6mb-soundfont): playback is off.</source>
        <translation>Kein General-MIDI-SoundFont installiert (Debian-Paket timgm6mb-soundfont): Wiedergabe ist aus.</translation>
    </message>
    <message>
        <source>The audio output device stopped playing.</source>
        <translation>Das Audioausgabegerät hat die Wiedergabe beendet.</translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::UnitSpectrumView</name>
    <message>
        <source>remove &amp;mean</source>
        <translation>&amp;Mittelwert abziehen</translation>
    </message>
    <message>
        <source>Select &amp;units</source>
        <translation>&amp;Einheiten wählen</translation>
    </message>
    <message>
        <source>&amp;N</source>
        <translation>&amp;N</translation>
    </message>
    <message>
        <source>&amp;floor</source>
        <translation>&amp;Untergrenze</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>&amp;period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>± </source>
        <translation>± </translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>period (steps)</source>
        <translation>Periode (Schritte)</translation>
    </message>
    <message>
        <source>dB re the unit&apos;s strongest</source>
        <translation>dB rel. zur stärksten der Einheit</translation>
    </message>
    <message>
        <source>Magnitude spectrum of each unit over the run (dB relative to its strongest component; blank below the floor). A pulse every P steps shows as energy at period P and its harmonics. Click to select a unit; Ctrl+click adds or removes one.</source>
        <translation>Betragsspektrum jeder Einheit über den Lauf (dB relativ zu ihrer stärksten Komponente; leer unter der Untergrenze). Ein Puls alle P Schritte zeigt sich als Energie bei Periode P und ihren Obertönen. Klicken wählt eine Einheit; Strg+Klick fügt eine hinzu oder entfernt sie.</translation>
    </message>
    <message>
        <source>Unit spectra</source>
        <translation>Einheitenspektren</translation>
    </message>
    <message numerus="yes">
        <source>N = %1; %n unit(s) with energy at period %2 ± %3: %4</source>
        <translation>
            <numerusform>N = %1; %n Einheit mit Energie bei Periode %2 ± %3: %4</numerusform>
            <numerusform>N = %1; %n Einheiten mit Energie bei Periode %2 ± %3: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folkrnn::widgets::UnitTracesView</name>
    <message>
        <source>Select units in the activation view
(click a cell;
Ctrl+click adds a unit)</source>
        <translation>Einheiten in der Aktivierungsansicht wählen
(eine Zelle anklicken;
Strg+Klick fügt eine Einheit hinzu)</translation>
    </message>
    <message>
        <source>The selected units&apos; values over the steps, with the tokens taken. Click to select a step.</source>
        <translation>Die Werte der gewählten Einheiten über die Schritte, mit den gezogenen Tokens. Klicken wählt einen Schritt.</translation>
    </message>
    <message>
        <source>Unit traces</source>
        <translation>Einheitenverläufe</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>Einheit %1</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, Schicht %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n Einheit</numerusform>
            <numerusform>%n Einheiten</numerusform>
        </translation>
    </message>
</context>
</TS>
