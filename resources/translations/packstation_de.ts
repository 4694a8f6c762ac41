<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+78"/>
        <location filename="../../packstation/ui/views/actions.py" line="+37"/>
        <source>Ship</source>
        <translation>Versenden</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/actions.py" line="+1"/>
        <source>Close this box (ship it with its label) and start the next box</source>
        <translation>Diesen Karton schließen (mit seinem Etikett versenden) und den nächsten beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/words/commands.py" line="+14"/>
        <source>Undo the last scan or change</source>
        <translation>Letzten Scan oder letzte Änderung zurücknehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer no, stop a countdown or a load, dismiss a red message; then clear the order</source>
        <translation>Mit Nein antworten, Countdown oder Laden stoppen, rote Meldung schließen; danach Auftrag leeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a code by hand</source>
        <translation>Code von Hand eingeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teach the last unknown barcode to a line</source>
        <translation>Letzten unbekannten Barcode einer Position zuordnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload the order from Redo</source>
        <translation>Auftrag neu aus Redo laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the slip that did not print, again</source>
        <translation>Nicht gedruckten Lieferschein erneut drucken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more or one less of the selected line</source>
        <translation>Eins mehr oder eins weniger von der gewählten Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>This help</source>
        <translation>Diese Hilfe</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Station</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History (shipments, returns)…</source>
        <translation>Verlauf (Sendungen, Retouren)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention…</source>
        <translation>Braucht Aufmerksamkeit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packer stats…</source>
        <translation>Packer-Statistik…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+113"/>
        <source>Import barcode catalog (CSV)…</source>
        <translation>Barcode-Katalog importieren (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taught barcodes…</source>
        <translation>Zugeordnete Barcodes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive returns / pack orders</source>
        <translation>Retouren annehmen / Aufträge packen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcuts and commands (F1)</source>
        <translation>Tastenkürzel und Befehle (F1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the command sheet (PDF)…</source>
        <translation>Befehlsblatt drucken (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+184"/>
        <source>About PackStation</source>
        <translation>Über PackStation</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Settings saved. %n held shipment(s) will be sent again.</source>
        <translation>
            <numerusform>Einstellungen gespeichert. %n zurückgehaltene Sendung wird erneut gesendet.</numerusform>
            <numerusform>Einstellungen gespeichert. %n zurückgehaltene Sendungen werden erneut gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+152"/>
        <source>Import barcode catalog</source>
        <translation>Barcode-Katalog importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+240"/>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Importing {path}…</source>
        <translation>{path} wird importiert…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the command sheet</source>
        <translation>Befehlsblatt speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Command sheet saved: {path} (%n page(s)). Print it and keep it at the bench.</source>
        <translation>
            <numerusform>Befehlsblatt gespeichert: {path} (%n Seite). Ausdrucken und am Packtisch bereithalten.</numerusform>
            <numerusform>Befehlsblatt gespeichert: {path} (%n Seiten). Ausdrucken und am Packtisch bereithalten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PackStation {version}
Packing-bench software for Redo&apos;s Orders API v2.2.</source>
        <translation>PackStation {version}
Packtisch-Software für die Orders API v2.2 von Redo.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/help_dialog.py" line="+14"/>
        <location line="+5"/>
        <source>Shortcuts and commands</source>
        <translation>Tastenkürzel und Befehle</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/actions.py" line="+35"/>
        <source>Scan a packing slip to open an order, scan the items to pack them, scan the shipping label: the order ships.</source>
        <translation>Lieferschein scannen öffnet den Auftrag, Artikel scannen packt sie, Versandetikett scannen: Der Auftrag geht raus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command barcodes</source>
        <translation>Befehlsbarcodes</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+63"/>
        <source>Auto-ship stopped.</source>
        <translation>Automatischer Versand gestoppt.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Hello {name}: you are packing at this bench.</source>
        <translation>Hallo {name}: Du packst an diesem Tisch.</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Connecting to Redo… Scan a packing slip: it opens as soon as the bench is ready.</source>
        <translation>Verbindung zu Redo… Lieferschein scannen: Er öffnet sich, sobald der Tisch bereit ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restoring the order left on the bench…</source>
        <translation>Auftrag, der auf dem Tisch lag, wird wiederhergestellt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closing the box…</source>
        <translation>Karton wird geschlossen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../packstation/ui/words/feedback.py" line="+116"/>
        <source>Loading order {ref}…</source>
        <translation>Auftrag {ref} wird geladen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That scan could not be handled ({code}). Scan it again.</source>
        <translation>Dieser Scan konnte nicht verarbeitet werden ({code}). Bitte erneut scannen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{code} is another order&apos;s slip. Ship or clear this order first (Esc).</source>
        <translation>{code} ist der Lieferschein eines anderen Auftrags. Zuerst diesen Auftrag versenden oder leeren (Esc).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order {ref} is shipping ({items}).</source>
        <translation>Bestellung {ref} wird versendet ({items}).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{name} is packing at this bench (scan your own PS-USER badge if that is not you).</source>
        <translation>{name} packt an diesem Tisch (eigenen PS-USER-Ausweis scannen, falls das nicht du bist).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{action} is for a lead. A lead scans their badge (PS-USER-name) now, or Esc / PS-CANCEL.</source>
        <translation>{action} ist Sache der Schichtleitung. Die Schichtleitung scannt jetzt ihren Ausweis (PS-USER-Name), oder Esc / PS-CANCEL.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is not a lead here. {action} needs a lead&apos;s badge.</source>
        <translation>{name} ist hier keine Schichtleitung. {action} braucht den Ausweis einer Schichtleitung.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Teaching a barcode</source>
        <translation>Barcode wird zugeordnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forgetting a taught barcode</source>
        <translation>Einen angelernten Barcode vergessen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who is forgetting it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. A barcode is forgotten by a person, not by the station.</source>
        <translation>Wer vergisst ihn? Scannen Sie jetzt Ihren Ausweis (PS-USER-Name), oder Esc / PS-CANCEL. Einen Barcode vergisst eine Person, nicht die Station.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discarding a held shipment</source>
        <translation>Eine zurückgehaltene Sendung verwerfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who is discarding it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. A shipment is discarded by a person, not by the station.</source>
        <translation>Wer verwirft sie? Scanne jetzt deinen Ausweis (PS-USER-Name), oder Esc / PS-CANCEL. Eine Sendung verwirft eine Person, nicht die Station.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Who is teaching? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. A barcode is taught by a person, not by the station.</source>
        <translation>Wer ordnet zu? Jetzt den Ausweis scannen (PS-USER-Name), oder Esc / PS-CANCEL. Einen Barcode ordnet eine Person zu, nicht die Station.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{code} is already {product}: it cannot be taught to another line.</source>
        <translation>{code} ist schon {product}: Er kann keiner anderen Position zugeordnet werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{code} is now {sku} on this station (taught by {who}).</source>
        <translation>{code} ist an dieser Station jetzt {sku} (zugeordnet von {who}).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tracking {code}: no {carrier} number has this format. Check it against the label before shipping.</source>
        <translation>Sendungsnummer {code}: Keine {carrier}-Nummer hat dieses Format. Vor dem Versand mit dem Etikett vergleichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tracking {code}: no carrier&apos;s format fits this number. Check it, and choose the carrier.</source>
        <translation>Sendungsnummer {code}: Das Format passt zu keinem Versanddienst. Nummer prüfen und Versanddienst wählen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The catalog {file} is {size} MB, more than the {limit} MB PackStation reads: it was not imported.</source>
        <translation>Der Katalog {file} hat {size} MB, mehr als die {limit} MB, die PackStation liest: Er wurde nicht importiert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The catalog could not be read: {reason}</source>
        <translation>Der Katalog konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n line(s) skipped:</source>
        <translation>
            <numerusform>%n Zeile übersprungen:</numerusform>
            <numerusform>%n Zeilen übersprungen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>and %n more (see the log).</source>
        <translation>
            <numerusform>und %n weitere (siehe Protokoll).</numerusform>
            <numerusform>und %n weitere (siehe Protokoll).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is not UTF-8 text</source>
        <translation>ist kein UTF-8-Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has a carriage return inside it (lines end with LF or CR LF)</source>
        <translation>enthält einen Wagenrücklauf (Zeilen enden mit LF oder CR LF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than {n} characters</source>
        <translation>ist länger als {n} Zeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be read as CSV</source>
        <translation>ist als CSV nicht lesbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs a SKU and a barcode</source>
        <translation>braucht eine SKU und einen Barcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a SKU or barcode is longer than {n} characters</source>
        <translation>eine SKU oder ein Barcode ist länger als {n} Zeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has characters a scanner never sends (control characters)</source>
        <translation>enthält Zeichen, die ein Scanner nie sendet (Steuerzeichen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>units per scan must be 1 to 1000</source>
        <translation>Einheiten pro Scan müssen zwischen 1 und 1000 liegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeats the code of line {other} (kept once)</source>
        <translation>wiederholt den Code aus Zeile {other} (einmal übernommen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>names the code of line {other} for another SKU ({sku}): neither packs</source>
        <translation>nennt den Code aus Zeile {other} für eine andere SKU ({sku}): keiner von beiden wird gepackt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a carrier&apos;s tracking number, never an item</source>
        <translation>ist eine Sendungsnummer eines Versanddienstes, nie ein Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a code taught at this station for {sku}: the taught code stays</source>
        <translation>ist an dieser Station schon {sku} zugeordnet: die Zuordnung bleibt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is already in another catalog file, for {sku}: that one stays</source>
        <translation>steht schon in einer anderen Katalogdatei, für {sku}: dieser Eintrag bleibt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {n} {reason}</source>
        <translation>Zeile {n} {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{action}: not done.</source>
        <translation>{action}: nicht ausgeführt.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/commands.py" line="+49"/>
        <source>This bench packs orders already. Scan a packing slip.</source>
        <translation>Dieser Tisch packt schon Aufträge. Scanne einen Lieferschein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PS-DAMAGED is for receiving returns (PS-RETURNS first).</source>
        <translation>PS-DAMAGED gilt für die Retourenannahme (zuerst PS-RETURNS).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scan a packing slip first.</source>
        <translation>Zuerst einen Lieferschein scannen.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <location filename="../../packstation/ui/bench/returns.py" line="+155"/>
        <source>The next item scan counts %n.</source>
        <extracomment>Commands the receiving bench answers itself (the rest: ``commands.run_command``). ``PS-DAMAGED``: the next item scanned arrived damaged. The line whose damaged unit waits for its note (a reason&apos;s number, or text). The items&apos; pictures, by SKU key (read from the return&apos;s order after it shows).</extracomment>
        <translation>
            <numerusform>Der nächste Artikelscan zählt %n.</numerusform>
            <numerusform>Der nächste Artikelscan zählt %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/edits.py" line="+117"/>
        <source>Select a line first (arrow keys or a click).</source>
        <translation>Zuerst eine Position wählen (Pfeiltasten oder Klick).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{title}: this item was already shipped.</source>
        <translation>{title}: Dieser Artikel wurde schon versendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} is already complete.</source>
        <translation>{title} ist schon vollständig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{title}: none packed yet.</source>
        <translation>{title}: noch keiner gepackt.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../packstation/ui/bench/returns.py" line="+142"/>
        <source>Nothing to undo.</source>
        <translation>Nichts zurückzunehmen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/orders.py" line="+259"/>
        <location line="+16"/>
        <source>Order cleared. Scan the next packing slip.</source>
        <translation>Auftrag geleert. Nächsten Lieferschein scannen.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Clear this order?</source>
        <translation>Diesen Auftrag leeren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{items} packed for order {ref}. Clear the order anyway? The box must be unpacked.</source>
        <translation>{items} für Auftrag {ref} gepackt. Auftrag trotzdem leeren? Der Karton muss ausgepackt werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the order</source>
        <translation>Auftrag leeren</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/labels.py" line="+231"/>
        <location filename="../../packstation/ui/bench/orders.py" line="+1"/>
        <location filename="../../packstation/ui/bench/shipping.py" line="+147"/>
        <source>Keep packing</source>
        <translation>Weiter packen</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/orders.py" line="+12"/>
        <source>Not cleared. Keep packing.</source>
        <translation>Nicht geleert. Weiter packen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="-235"/>
        <source>Order {ref} is already open.</source>
        <translation>Auftrag {ref} ist schon offen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/orders.py" line="-222"/>
        <source>Finish or clear this order first (Esc): {items} packed.</source>
        <extracomment>An order restored at start waits for the client before it is checked. &quot;Order #1010 is shipping.&quot;: said with the next order when its slip, scanned during the countdown, shipped it (the packer never saw &quot;Shipping…&quot;).</extracomment>
        <translation>Zuerst diesen Auftrag abschließen oder leeren (Esc): {items} gepackt.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Order {ref} is for location {order}, not this station&apos;s {station}. Check with your lead before packing.</source>
        <translation>Auftrag {ref} ist für Standort {order}, nicht für den dieser Station ({station}). Vor dem Packen mit der Schichtleitung klären.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopped loading order {ref}.</source>
        <translation>Laden von Auftrag {ref} gestoppt.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n scan(s) dropped.</source>
        <translation>
            <numerusform>%n Scan verworfen.</numerusform>
            <numerusform>%n Scans verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a packing slip.</source>
        <translation>Lieferschein scannen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Order {ref} could not be loaded: {reason}</source>
        <translation>Auftrag {ref} konnte nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(Settings: top right)</source>
        <translation>(Einstellungen: oben rechts)</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Restored order {ref} as it was: {items} packed. Checking it with Redo…</source>
        <translation>Auftrag {ref} wie zuvor wiederhergestellt: {items} gepackt. Abgleich mit Redo…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reloading order {ref}…</source>
        <translation>Auftrag {ref} wird neu geladen…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Order {ref} changed in Redo: {changes}.</source>
        <translation>Auftrag {ref} wurde in Redo geändert: {changes}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order {ref} is up to date.</source>
        <translation>Auftrag {ref} ist aktuell.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/feedback.py" line="+242"/>
        <source>new line {title}</source>
        <translation>neue Position {title}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{title}: {a} → {b} left to ship</source>
        <translation>{title}: {a} → {b} noch zu versenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title}: packed count reduced from {a} to {b}</source>
        <translation>{title}: gepackte Menge von {a} auf {b} verringert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} was removed from the order</source>
        <translation>{title} wurde aus dem Auftrag entfernt</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+51"/>
        <source>Scan a packing slip</source>
        <translation>Lieferschein scannen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>or type an order number (#1001, the order ID or the Redo ID) and press Enter</source>
        <translation>oder Auftragsnummer eingeben (#1001, Auftrags-ID oder Redo-ID) und Enter drücken</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/boxes_panel.py" line="+18"/>
        <location line="+5"/>
        <source>Boxes of this order</source>
        <translation>Kartons dieses Auftrags</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-58"/>
        <location filename="../../packstation/ui/views/pages.py" line="+21"/>
        <source>sent to Redo</source>
        <translation>an Redo gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/pages.py" line="+1"/>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/pages.py" line="+1"/>
        <source>NEEDS ATTENTION</source>
        <translation>BRAUCHT AUFMERKSAMKEIT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Box {n}: {items} · {label} · {state}</source>
        <translation>Karton {n}: {items} · {label} · {state}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Box {n}: on the bench</source>
        <translation>Karton {n}: auf dem Tisch</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+2"/>
        <source>Recent shipments from this bench:</source>
        <translation>Letzte Sendungen von diesem Tisch:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="-20"/>
        <location filename="../../packstation/ui/views/pages.py" line="+200"/>
        <source>Order lines</source>
        <translation>Auftragspositionen</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+14"/>
        <source>Select a line, then + / − (for items without a barcode)</source>
        <translation>Position wählen, dann + / − (für Artikel ohne Barcode)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>− One less</source>
        <translation>− Eins weniger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ One more</source>
        <translation>+ Eins mehr</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+5"/>
        <location filename="../../packstation/ui/views/pages.py" line="+10"/>
        <source>Packed so far</source>
        <translation>Bisher gepackt</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/slip_paint.py" line="+124"/>
        <location filename="../../packstation/ui/views/pages.py" line="-79"/>
        <source>Ship to</source>
        <extracomment>The fixed columns&apos; widths at least; the Item column takes what is left. A header this much wider than its column widens it; more, and its words wrap.</extracomment>
        <translation>Lieferadresse</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+7"/>
        <source>Order tags</source>
        <translation>Auftrags-Tags</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/slip_paint.py" line="-21"/>
        <location filename="../../packstation/ui/views/pages.py" line="+103"/>
        <source>Order {ref}</source>
        <translation>Auftrag {ref}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+6"/>
        <source>placed {date}</source>
        <translation>bestellt am {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order ID {id}</source>
        <translation>Auftrags-ID {id}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{packed} of {items} packed</source>
        <translation>{packed} von {items} gepackt</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+23"/>
        <location filename="../../packstation/ui/views/question_panel.py" line="+34"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/question_panel.py" line="+55"/>
        <source>Choose (Enter)</source>
        <translation>Wählen (Enter)</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+12"/>
        <source>{no} (Esc)</source>
        <translation>{no} (Esc)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/questions.py" line="+49"/>
        <location line="+26"/>
        <source>Cancel</source>
        <extracomment>A badge question was answered with this name. Either way, once, before ``answered`` or ``cancelled``: the flow that goes on in those slots finds no question open.
----------
A pick from a list (1-9 keys) rather than a yes/no. Answered by a badge scan (``PS-USER-&lt;name&gt;``), not by Enter or a number.</extracomment>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Answer the question first: scan a badge (PS-USER-name), or Esc / PS-CANCEL.</source>
        <translation>Zuerst die Frage beantworten: einen Ausweis scannen (PS-USER-Name), oder Esc / PS-CANCEL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer the question first: press a number (PS-CONFIRM takes the first), or Esc / PS-CANCEL for {no}.</source>
        <translation>Zuerst die Frage beantworten: Zahl drücken (PS-CONFIRM nimmt die erste) oder Esc / PS-CANCEL für {no}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer the question first: PS-CONFIRM for {yes}, Esc or PS-CANCEL for {no}. Enter: {default}.</source>
        <translation>Zuerst die Frage beantworten: PS-CONFIRM für {yes}, Esc oder PS-CANCEL für {no}. Enter: {default}.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/labels.py" line="-180"/>
        <source>Which carrier?</source>
        <extracomment>A tracking number the packer agreed to use again, for this order only. The last (number, carrier) that went through recognition and the label checks. The form stores every keystroke and every carrier chosen in ``bench.inputs``; only this pair has been checked (a carrier chosen after an unknown number was said in amber is checked again, against that carrier&apos;s format). An unknown number with a carrier that does not fit the order&apos;s shipping method, agreed to by the packer: (order ID, number, carrier).</extracomment>
        <translation>Welcher Versanddienst?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The label {code} fits more than one carrier. Press its number.</source>
        <translation>Das Etikett {code} passt zu mehreren Versanddiensten. Dessen Nummer drücken.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Label not used. Scan it again to choose the carrier.</source>
        <translation>Etikett nicht verwendet. Erneut scannen, um den Versanddienst zu wählen.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Tracking number used before</source>
        <translation>Sendungsnummer schon verwendet</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Tracking number {code} was already used for order {other} at this station. Use it for this order too?</source>
        <translation>Sendungsnummer {code} wurde an dieser Station schon für Auftrag {other} verwendet. Auch für diesen Auftrag verwenden?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use it again</source>
        <translation>Erneut verwenden</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Scan another label</source>
        <translation>Anderes Etikett scannen</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Not using this label</source>
        <translation>Dieses Etikett nicht verwenden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This label is for ZIP {label}; the order ships to {order}. Find the label for this order.</source>
        <translation>Dieses Etikett ist für PLZ {label}; der Auftrag geht an {order}. Das Etikett für diesen Auftrag suchen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Label and shipping method differ</source>
        <translation>Etikett passt nicht zur Versandart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a {carrier} label; the order ships by {method}. Use this label?</source>
        <translation>Das ist ein Etikett von {carrier}; der Auftrag geht per {method} raus. Dieses Etikett verwenden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use this label</source>
        <translation>Dieses Etikett verwenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label not used. Scan the order&apos;s label.</source>
        <translation>Etikett nicht verwendet. Das Etikett des Auftrags scannen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tracking number {code} was already used for order {other} at {bench}. Use it for this order too?</source>
        <translation>Die Sendungsnummer {code} wurde schon für Auftrag {other} an {bench} verwendet. Auch für diesen Auftrag verwenden?</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Label {code} not used: scan this order&apos;s own label.</source>
        <translation>Etikett {code} nicht verwendet: das Etikett dieses Auftrags scannen.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Carrier and shipping method differ</source>
        <translation>Versanddienst und Versandart passen nicht zusammen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order ships by {method}; this box would go as {carrier}. Ship it so?</source>
        <translation>Die Bestellung geht per {method}; dieses Paket ginge per {carrier}. So versenden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ship as {carrier}</source>
        <translation>Per {carrier} versenden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not shipped. Check the carrier and the label.</source>
        <translation>Nicht versendet. Prüfen Sie Versanddienst und Etikett.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+15"/>
        <source>Dummy tracking on.</source>
        <translation>Test-Sendungsnummer an.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dummy tracking off.</source>
        <translation>Test-Sendungsnummer aus.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/shipping.py" line="-15"/>
        <source>Answer the question first, then scan the slip.</source>
        <extracomment>Labels: recognised, checked against the order, asked about (``labels.py``).</extracomment>
        <translation>Zuerst die Frage beantworten, dann den Lieferschein scannen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Partial shipment</source>
        <translation>Teillieferung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship {packed} of {total}? {left} stay open for a later shipment.</source>
        <translation>{packed} von {total} versenden? {left} bleiben für eine spätere Sendung offen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ship {items}</source>
        <translation>{items} versenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not shipped. Keep packing.</source>
        <translation>Nicht versendet. Weiter packen.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Auto-ship stopped. Ctrl+Enter or PS-SHIP ships when you are ready.</source>
        <translation>Automatischer Versand gestoppt. Strg+Enter oder PS-SHIP versendet, sobald du bereit bist.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+50"/>
        <source>Nothing to teach: scan the unknown item first.</source>
        <translation>Nichts zuzuordnen: zuerst den unbekannten Artikel scannen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No line of this order can take a barcode.</source>
        <translation>Keine Position dieses Auftrags kann einen Barcode bekommen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/teach.py" line="+48"/>
        <source>Teach a barcode</source>
        <translation>Barcode zuordnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not teach it</source>
        <translation>Nicht anlernen</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+4"/>
        <source>Which line is {code}? It will be remembered on this station.</source>
        <translation>Zu welcher Position gehört {code}? Diese Station merkt es sich.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/words/feedback.py" line="-322"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No API token for store {store} on this computer: open Settings (top right) and enter it.</source>
        <translation>Kein API-Token für den Shop {store} auf diesem Computer: Öffnen Sie die Einstellungen (oben rechts) und geben Sie es ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not set up yet: open Settings (top right) to enter the store ID and token.</source>
        <translation>Noch nicht eingerichtet: Einstellungen (oben rechts) öffnen und Shop-ID und Token eingeben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ready. Scan a packing slip.</source>
        <translation>Bereit. Lieferschein scannen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing left to pack in this order. Press Esc for the next order.</source>
        <translation>In diesem Auftrag ist nichts mehr zu packen. Esc für den nächsten Auftrag.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All packed. Scan the shipping label, then Ctrl+Enter.</source>
        <translation>Alles gepackt. Versandetikett scannen, dann Strg+Enter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the next item.</source>
        <translation>Nächsten Artikel scannen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order {ref} is already fully shipped. Nothing to pack.</source>
        <translation>Auftrag {ref} ist schon komplett versendet. Nichts zu packen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order {ref}: some items are still being sent from this bench; they are not counted again.</source>
        <translation>Auftrag {ref}: Einige Artikel werden noch von diesem Tisch gesendet; sie werden nicht doppelt gezählt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order {ref}: {items} to pack. Scan the first item.</source>
        <translation>Auftrag {ref}: {items} zu packen. Ersten Artikel scannen.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n scan(s) waiting; they are handled in order.</source>
        <translation>
            <numerusform>%n Scan wartet; er wird der Reihe nach verarbeitet.</numerusform>
            <numerusform>%n Scans warten; sie werden der Reihe nach verarbeitet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+152"/>
        <source>Press Ctrl+Enter to ship.</source>
        <translation>Strg+Enter drücken zum Versenden.</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Now scan the shipping label.</source>
        <translation>Jetzt das Versandetikett scannen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All {items} packed. {next}</source>
        <translation>Alle {items} gepackt. {next}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packed {title}: {packed} of {remaining}</source>
        <translation>{title} gepackt: {packed} von {remaining}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packed {n} × {title}: {packed} of {remaining}</source>
        <translation>{n} × {title} gepackt: {packed} von {remaining}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(line complete)</source>
        <translation>(Position vollständig)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{title}: this item was already shipped. Keep it out of the box.</source>
        <translation>{title}: Dieser Artikel wurde schon versendet. Nicht in den Karton legen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title}: {units} is more than the {left} left. Nothing was packed.</source>
        <translation>{title}: {units} ist mehr als die {left} offenen. Nichts gepackt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Too many: {title} is already complete ({n} of {n}). Keep it out of the box.</source>
        <translation>Zu viele: {title} ist schon vollständig ({n} von {n}). Nicht in den Karton legen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{title} with serial {serial} already went in box {box} of this order: the same unit was scanned twice. Nothing was packed.</source>
        <translation>{title} mit Seriennummer {serial} ist schon in Karton {box} dieses Auftrags: dasselbe Stück wurde zweimal gescannt. Nichts gepackt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{title} with serial {serial} already went in an earlier shipment of this order: the same unit was scanned twice. Nothing was packed.</source>
        <translation>{title} mit Seriennummer {serial} ging schon mit einer früheren Sendung dieses Auftrags raus: dasselbe Stück wurde zweimal gescannt. Nichts gepackt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title} with serial {serial} is already packed in this order: the same unit was scanned twice. Nothing was packed.</source>
        <translation>{title} mit Seriennummer {serial} ist in diesem Auftrag schon gepackt: dasselbe Stück wurde zweimal gescannt. Nichts gepackt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This order is already fully shipped. Nothing to pack.</source>
        <translation>Dieser Auftrag ist schon komplett versendet. Nichts zu packen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That scan was unreadable. Scan again.</source>
        <translation>Scan nicht lesbar. Erneut scannen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not in this order: {code}. Keep it out of the box. (Lead: F4 teaches it to a line.)</source>
        <translation>Nicht in diesem Auftrag: {code}. Nicht in den Karton legen. (Schichtleitung: F4 ordnet ihn einer Position zu.)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{code} is not a PackStation command. Check the command sheet.</source>
        <translation>{code} ist kein PackStation-Befehl. Befehlsblatt prüfen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Removed one {title}: {packed} of {remaining} packed.</source>
        <translation>Ein {title} entfernt: {packed} von {remaining} gepackt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added one {title}: {packed} of {remaining}</source>
        <translation>Ein {title} hinzugefügt: {packed} von {remaining}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Undone: {title} is back to {packed} of {remaining}.</source>
        <translation>Zurückgenommen: {title} wieder bei {packed} von {remaining}.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Undone: %n line(s) put back as they were.</source>
        <translation>
            <numerusform>Zurückgenommen: %n Position wie vorher.</numerusform>
            <numerusform>Zurückgenommen: %n Positionen wie vorher.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{code} is an item: scan the packing slip first.</source>
        <translation>{code} ist ein Artikel: zuerst den Lieferschein scannen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} is a shipping label: scan the packing slip first.</source>
        <translation>{code} ist ein Versandetikett: zuerst den Lieferschein scannen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No order {code} in Redo. Scan the packing slip&apos;s order barcode (an item or a label only counts once an order is open).</source>
        <translation>Kein Auftrag {code} in Redo. Den Auftrags-Barcode auf dem Lieferschein scannen (Artikel und Etiketten zählen erst bei offenem Auftrag).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Something went wrong loading the order.</source>
        <translation>Beim Laden des Auftrags ist etwas schiefgegangen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save to this computer&apos;s disk ({error}). The last change was not kept.</source>
        <translation>Speichern auf diesem Computer fehlgeschlagen ({error}). Die letzte Änderung wurde nicht übernommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tracking {code} ({carrier}).</source>
        <translation>Sendungsnummer {code} ({carrier}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carrier not recognised: choose one</source>
        <translation>Versanddienst nicht erkannt: bitte wählen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All packed. Shipping in {s:.1f} s… (Esc or PS-CANCEL to stop)</source>
        <translation>Alles gepackt. Versand in {s:.1f} s… (Esc oder PS-CANCEL stoppt)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-127"/>
        <location filename="../../packstation/ui/words/feedback.py" line="+11"/>
        <source>dummy tracking {code}</source>
        <extracomment>Rows shown; the export takes every match. Typing in the search waits this long before asking, so a word is one query.</extracomment>
        <translation>Test-Sendungsnummer {code}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/feedback.py" line="+6"/>
        <source>Shipping order {ref}: {items}… Scan the next packing slip.</source>
        <translation>Auftrag {ref} wird versendet: {items}… Nächsten Lieferschein scannen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Shipped order {ref}: {items} · {tracking}</source>
        <translation>Auftrag {ref} versendet: {items} · {tracking}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order {ref} was NOT shipped: {message} See Needs attention below.</source>
        <translation>Auftrag {ref} wurde NICHT versendet: {message} Siehe „Braucht Aufmerksamkeit“ unten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order {ref} is waiting to be sent: {message} Next try at {when}.</source>
        <translation>Auftrag {ref} wartet auf Versand: {message} Nächster Versuch um {when}.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/commands.py" line="-2"/>
        <source>Ship now (also confirms a partial shipment)</source>
        <translation>Jetzt versenden (bestätigt auch eine Teillieferung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this box: ship it with its label, start the next box</source>
        <translation>Diesen Karton schließen: mit seinem Etikett versenden, nächsten Karton beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the order (asks if anything is packed)</source>
        <translation>Auftrag leeren (fragt nach, wenn etwas gepackt ist)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dummy tracking on / off (testing)</source>
        <translation>Test-Sendungsnummer an / aus (zum Testen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes: answer the open question</source>
        <translation>Ja: offene Frage beantworten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No: answer the open question, stop the auto-ship countdown</source>
        <translation>Nein: offene Frage beantworten, Countdown des automatischen Versands stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The packer at this bench</source>
        <translation>Packer an diesem Tisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead: take over the order open at another bench (warehouse)</source>
        <translation>Schichtleitung: den an einem anderen Tisch offenen Auftrag hierher holen (Lager)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive returned parcels at this bench</source>
        <translation>Retourenpakete an diesem Tisch annehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack orders at this bench (leave returns)</source>
        <translation>Aufträge an diesem Tisch packen (Retourenmodus beenden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returns: the next item scanned arrived damaged</source>
        <translation>Retouren: Der nächste gescannte Artikel kam beschädigt an</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The next item scan counts %n</source>
        <translation>
            <numerusform>Der nächste Artikelscan zählt %n</numerusform>
            <numerusform>Der nächste Artikelscan zählt %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/main_window.py" line="+128"/>
        <source>Type an order number or code and press Enter (F2)</source>
        <extracomment>How long the window stays up to say that unsent shipments are kept, before it closes. The status bar&apos;s &quot;oldest waiting&quot; age is written again this often (from the snapshot). Closing was asked for and everything is stopped (the shell closes with it). Where keys and scans go: the scanner&apos;s bursts, typing by hand, Esc, F2.</extracomment>
        <translation>Auftragsnummer oder Code eingeben und Enter drücken (F2)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="-41"/>
        <location filename="../../packstation/ui/views/main_window.py" line="+2"/>
        <source>Code typed by hand</source>
        <translation>Von Hand eingegebener Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type an order number or a barcode and press Enter. F2 comes back here.</source>
        <translation>Auftragsnummer oder Barcode eingeben und Enter drücken. F2 führt hierher zurück.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+14"/>
        <location filename="../../packstation/ui/views/main_window.py" line="+3"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every shipment sent from this bench.</source>
        <translation>Alle Sendungen von diesem Tisch.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/main_window.py" line="+1"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Store, token, sounds, language and look.</source>
        <translation>Shop, Token, Töne, Sprache und Darstellung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/main_window.py" line="+1"/>
        <source>Shortcuts (F1)</source>
        <translation>Tastenkürzel (F1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every key and command barcode. Key: F1.</source>
        <translation>Alle Tasten und Befehlsbarcodes. Taste: F1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The items of the open order. Arrow keys choose a line; + and − change it.</source>
        <translation>Die Artikel des offenen Auftrags. Pfeiltasten wählen eine Position; + und − ändern sie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One less</source>
        <translation>Eins weniger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One less of the chosen line. Key: −.</source>
        <translation>Eins weniger von der gewählten Position. Taste: −.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more</source>
        <translation>Eins mehr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One more of the chosen line. Key: +.</source>
        <translation>Eins mehr von der gewählten Position. Taste: +.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items packed out of the items to pack.</source>
        <translation>Gepackte Artikel von allen zu packenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Filled in when the shipping label is scanned.</source>
        <translation>Wird beim Scannen des Versandetiketts ausgefüllt.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ship with a made-up tracking number, for tests only. Space ticks it.</source>
        <translation>Mit erfundener Sendungsnummer versenden, nur zum Testen. Leertaste hakt an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A message for the dummy tracking (optional).</source>
        <translation>Eine Nachricht zur Test-Sendungsnummer (optional).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ships the order. Key: Ctrl+Enter, or scan PS-SHIP.</source>
        <translation>Versendet den Auftrag. Taste: Strg+Enter, oder PS-SHIP scannen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shipments already made for this order.</source>
        <translation>Bereits erstellte Sendungen dieses Auftrags.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The status or event to post to Redo.</source>
        <translation>Status oder Ereignis, das an Redo gemeldet wird.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A message to post with it (optional).</source>
        <translation>Eine Nachricht dazu (optional).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts the status to Redo for the chosen shipment.</source>
        <translation>Meldet den Status der gewählten Sendung an Redo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer with the number keys, Enter or Esc, or scan PS-CONFIRM or PS-CANCEL.</source>
        <translation>Mit Zahlentasten, Enter oder Esc antworten, oder PS-CONFIRM bzw. PS-CANCEL scannen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choices</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrow keys choose, Enter takes it; or press its number.</source>
        <translation>Pfeiltasten wählen, Enter übernimmt; oder die Zahl drücken.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/main_window.py" line="+90"/>
        <source>DEMO (sandbox)</source>
        <translation>DEMO (Testumgebung)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+52"/>
        <source>RETURNS</source>
        <extracomment>The items&apos; pictures (px), as large as the order page&apos;s. +/- on the selected row: (row, the received count wanted).</extracomment>
        <translation>RETOUREN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>packer: {name}</source>
        <translation>Packer: {name}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>That scan was not read cleanly ({code}). Scan it again.</source>
        <translation>Dieser Scan wurde nicht sauber gelesen ({code}). Bitte erneut scannen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/words/bench.py" line="+94"/>
        <source>Catalog {file}: %n barcode(s) imported.</source>
        <translation>
            <numerusform>Katalog {file}: %n Barcode importiert.</numerusform>
            <numerusform>Katalog {file}: %n Barcodes importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/views/main_window.py" line="+102"/>
        <source>Closing. Not yet sent to Redo: %n shipment(s), kept on this computer and sent when PackStation starts again.</source>
        <translation>
            <numerusform>Wird geschlossen. Noch nicht an Redo gesendet: %n Sendung, bleibt auf diesem Computer und wird beim nächsten Start von PackStation gesendet.</numerusform>
            <numerusform>Wird geschlossen. Noch nicht an Redo gesendet: %n Sendungen, bleiben auf diesem Computer und werden beim nächsten Start von PackStation gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/shipping.py" line="-47"/>
        <source>Posting {status}…</source>
        <translation>{status} wird gemeldet…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posted {status}.</source>
        <translation>{status} gemeldet.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="-144"/>
        <source>Back to scanning. F2 types a code by hand.</source>
        <translation>Zurück zum Scannen. F2 gibt einen Code von Hand ein.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="+111"/>
        <source>Needs attention</source>
        <extracomment>Received returns Redo did not take, by their job&apos;s ID. The shipment the &quot;are you sure?&quot; is about, and the lead who discards it.</extracomment>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edit tracking and retry…</source>
        <translation>Sendungsnummer ändern und erneut versuchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings (new token)…</source>
        <translation>Einstellungen (neues Token)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+85"/>
        <location filename="../../packstation/ui/views/boxes_panel.py" line="-11"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-14"/>
        <source>dummy tracking</source>
        <translation>Test-Sendungsnummer</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>  (check the token in Settings)</source>
        <translation>  (Token in den Einstellungen prüfen)</translation>
    </message>
    <message>
        <location line="+49"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+148"/>
        <source>fulfillment ID</source>
        <translation>Fulfillment-ID</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Edit tracking</source>
        <translation>Sendungsnummer ändern</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="-26"/>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="+16"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+73"/>
        <source>Carrier</source>
        <translation>Versanddienst</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="-179"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Waiting to be sent: next try at {when}</source>
        <translation>Wartet auf Versand: nächster Versuch {when}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Waiting to be sent: sending now</source>
        <extracomment>Kept free of the screen&apos;s width for the borders a window manager puts around the dialog (unknown until it is first shown).</extracomment>
        <translation>Wartet auf Versand: wird jetzt gesendet</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Nothing needs attention, and nothing is waiting to be sent.</source>
        <translation>Nichts braucht Aufmerksamkeit, und nichts wartet auf Versand.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Not done: the station database said {error}.</source>
        <translation>Nicht erledigt: Die Stationsdatenbank meldete {error}.</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+1"/>
        <source>Tracking</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Discard this shipment?</source>
        <translation>Diese Sendung verwerfen?</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Order {ref}, {n} items, will NOT be sent to Redo. Only do this if the box was unpacked or shipped another way.</source>
        <translation>Auftrag {ref}, {n} Artikel, wird NICHT an Redo gesendet. Nur tun, wenn der Karton ausgepackt oder anders versendet wurde.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Nothing was discarded: that shipment is no longer held.</source>
        <translation>Nichts wurde verworfen: Diese Sendung wird nicht mehr zurückgehalten.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>If you discard it, {who} is recorded at this station as the one who did.</source>
        <translation>Wenn du sie verwirfst, wird {who} an dieser Station als die Person vermerkt, die es getan hat.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The shipment of order {ref} is discarded (by {who}).</source>
        <translation>Die Sendung von Auftrag {ref} ist verworfen (von {who}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was discarded.</source>
        <translation>Nichts wurde verworfen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-115"/>
        <location filename="../../packstation/ui/views/history_returns.py" line="+60"/>
        <location filename="../../packstation/ui/views/taught_dialog.py" line="+55"/>
        <source>When</source>
        <extracomment>The column of the outcome (its tooltip holds the whole of it).</extracomment>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/history_returns.py" line="+1"/>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+112"/>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+132"/>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="-9"/>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier and tracking</source>
        <translation>Versanddienst und Sendungsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+3"/>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the receipt again</source>
        <translation>Beleg erneut drucken</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Search by order, return ID or packer (scanning a receipt finds its return)</source>
        <translation>Nach Bestellung, Retouren-ID oder Packer suchen (ein gescannter Beleg findet seine Retoure)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every return matching the search, one row per item: units by condition</source>
        <translation>Jede Retoure, die zur Suche passt, eine Zeile pro Artikel: Einheiten nach Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every shipment matching the search: SKU, quantity, lot, expiry and serial</source>
        <translation>Alle Sendungen der Suche: SKU, Menge, Charge, MHD und Seriennummer</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Print the slip again</source>
        <translation>Lieferschein erneut drucken</translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n Sendung</numerusform>
            <numerusform>%n Sendungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Searching for the scanned code {code}.</source>
        <translation>Gescannter Code {code} wird gesucht.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a shipment first.</source>
        <translation>Zuerst eine Sendung auswählen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exporting to {path}…</source>
        <translation>Export nach {path}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not exported: {reason}</source>
        <translation>Nicht exportiert: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%n row(s) written to {path}</source>
        <translation>
            <numerusform>%n Zeile in {path} geschrieben</numerusform>
            <numerusform>%n Zeilen in {path} geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Search by order or tracking number (scanning a slip or a label finds it)</source>
        <translation>Auftrag oder Sendungsnummer suchen (oder Lieferschein bzw. Etikett scannen)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="-156"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+7"/>
        <location filename="../../packstation/ui/views/pages.py" line="-275"/>
        <location filename="../../packstation/ui/words/feedback.py" line="-27"/>
        <source>{ref} · box {n}</source>
        <translation>{ref} · Karton {n}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+3"/>
        <source>{n} (partial)</source>
        <translation>{n} (Teillieferung)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="-205"/>
        <source>PackStation settings</source>
        <extracomment>Looked up by &quot;Test connection&quot;: a 404 for it proves the address and the token work. Kept free of the screen&apos;s available height for the dialog&apos;s own title bar and frame.</extracomment>
        <translation>PackStation-Einstellungen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Welcome. PackStation needs your Redo store ID and an API token. Both come from Redo: a Redo admin creates the token for this store (it needs the orders and fulfillments scopes; inventory reading is optional) and gives you the store ID with it. The token is kept in this computer&apos;s keyring, never in a file. To try PackStation without them, start it with: packstation --demo</source>
        <translation>Willkommen. PackStation braucht die Redo-Shop-ID und ein API-Token. Beides kommt von Redo: Ein Redo-Admin erstellt das Token für diesen Shop (es braucht die Rechte für Aufträge und Lieferungen; Bestand lesen ist optional) und gibt dir die Shop-ID dazu. Das Token liegt im Schlüsselbund dieses Computers, nie in einer Datei. Zum Ausprobieren ohne beides so starten: packstation --demo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>paste the API token</source>
        <translation>API-Token einfügen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Play sounds</source>
        <translation>Töne abspielen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ship by itself when everything is packed and labelled</source>
        <translation>Selbst versenden, wenn alles gepackt und etikettiert ist</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store ID</source>
        <translation>Shop-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station name</source>
        <translation>Stationsname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-ship</source>
        <translation>Automatischer Versand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Barcodes</source>
        <translation>Barcodes</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>In a warehouse, a bench keeps its name: IT sets it (station_name).</source>
        <translation>In einem Lager behält ein Tisch seinen Namen: Die IT legt ihn fest (station_name).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/starting.py" line="+165"/>
        <source>Set by the command line or the environment for this run.</source>
        <translation>Für diesen Lauf per Befehlszeile oder Umgebung festgelegt.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+23"/>
        <source>Sound: off (no audio device). Connect speakers or headphones; the bench shows every outcome in colour and words meanwhile.</source>
        <translation>Ton: aus (kein Audiogerät). Lautsprecher oder Kopfhörer anschließen; bis dahin zeigt der Tisch jedes Ergebnis in Farbe und Worten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>stored in the keyring (leave empty to keep it)</source>
        <translation>im Schlüsselbund (leer lassen = behalten)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{problem} The token will be kept only until PackStation closes.</source>
        <translation>{problem} Das Token wird nur bis zum Schließen von PackStation behalten.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+10"/>
        <source>Enter the store ID and the token first.</source>
        <translation>Zuerst Shop-ID und Token eingeben.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connected: the address, store and token work.</source>
        <translation>Verbunden: Adresse, Shop und Token funktionieren.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A token has no spaces: paste it again.</source>
        <translation>Ein Token hat keine Leerzeichen: erneut einfügen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the store ID for this token.</source>
        <translation>Shop-ID für dieses Token eingeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving the token in the keyring…</source>
        <translation>Token wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The token could not be stored ({error}).</source>
        <translation>Das Token konnte nicht gespeichert werden ({error}).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shell.py" line="+45"/>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Scans kept: {n}. They are handled as soon as the bench is ready.</source>
        <extracomment>Told of the first scan kept (start-up may send a slip to Redo at once).</extracomment>
        <translation>Gemerkte Scans: {n}. Sie werden verarbeitet, sobald der Tisch bereit ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A scan was not read cleanly: scan it again.</source>
        <translation>Ein Scan wurde nicht sauber gelesen: bitte erneut scannen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+15"/>
        <location filename="../../packstation/ui/views/shipments_panel.py" line="+65"/>
        <source>Shipments of this order</source>
        <extracomment>(fulfillment ID, status or event, message)</extracomment>
        <translation>Sendungen dieses Auftrags</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipments_panel.py" line="-23"/>
        <source>Shipment {n}</source>
        <translation>Sendung {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shipped {date}</source>
        <translation>versendet am {date}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>None yet.</source>
        <translation>Noch keine.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test a Redo automation (dummy tracking only):</source>
        <translation>Redo-Automatisierung testen (nur Test-Sendungsnummer):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>event: </source>
        <translation>Ereignis: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>message (optional)</source>
        <translation>Nachricht (optional)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Redo fulfillment ID: {id}</source>
        <translation>Redo-Fulfillment-ID: {id}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+3"/>
        <location filename="../../packstation/ui/views/shipments_panel.py" line="-26"/>
        <source>Post</source>
        <translation>Melden</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipments_panel.py" line="-55"/>
        <source>no tracking</source>
        <translation>keine Sendungsnummer</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipping_form.py" line="-22"/>
        <source>Shipping</source>
        <extracomment>A USPS tracking number&apos;s digits (9400 1118 9922 3197 4284 90): the field shows one whole, in whichever digit is widest in its font. Longer codes (FedEx&apos;s 34 digits) scroll, their start kept in view.</extracomment>
        <translation>Versand</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Scan the shipping label</source>
        <translation>Etikett scannen</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="-10"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+6"/>
        <source>Dummy tracking (testing)</source>
        <translation>Test-Sendungsnummer (zum Testen)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+19"/>
        <source>optional message</source>
        <translation>optionale Nachricht</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+3"/>
        <location line="+5"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+2"/>
        <source>Initial status</source>
        <translation>Anfangsstatus</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The first status of the dummy tracking.</source>
        <translation>Der erste Status der Test-Sendungsnummer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+1"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+15"/>
        <source>Ctrl+Enter</source>
        <translation>Strg+Enter</translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>Ship %n item(s)</source>
        <translation>
            <numerusform>%n Artikel versenden</numerusform>
            <numerusform>%n Artikel versenden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing left to pack: shipped on {date}.</source>
        <translation>Nichts mehr zu packen: versendet am {date}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing left to pack: this order is shipped.</source>
        <translation>Nichts mehr zu packen: Dieser Auftrag ist versendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan items to pack them.</source>
        <translation>Artikel scannen, um sie zu packen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the shipping label, or turn on dummy tracking.</source>
        <translation>Versandetikett scannen oder Test-Sendungsnummer einschalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Enter ships a partial shipment: {left} items stay open.</source>
        <translation>Strg+Enter versendet eine Teillieferung: {left} Artikel bleiben offen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everything is packed: Ctrl+Enter ships.</source>
        <translation>Alles gepackt: Strg+Enter versendet.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/station_status.py" line="+54"/>
        <source>Opens the shipments Redo did not take</source>
        <extracomment>IT clicked the start-up notices: say them again. Warehouse mode only: reached or not (a bench on its own never shows it).</extracomment>
        <translation>Öffnet die Sendungen, die Redo nicht angenommen hat</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>PackStation version {version}</source>
        <translation>PackStation Version {version}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>○ Connecting…</source>
        <translation>○ Verbinde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>○ Not set up</source>
        <translation>○ Nicht eingerichtet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>○ No API token</source>
        <translation>○ Kein API-Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>● Ready</source>
        <translation>● Bereit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending: {n} (oldest {age})</source>
        <translation>Senden: {n} (älteste {age})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing waiting to send</source>
        <translation>Nichts wartet auf Versand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention: {n}</source>
        <translation>Braucht Aufmerksamkeit: {n}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>⚠ Start-up notices: {n}</source>
        <translation>⚠ Startmeldungen: {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Says the start-up notices again</source>
        <translation>Zeigt die Startmeldungen noch einmal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sound: off (no audio device)</source>
        <translation>Ton: aus (kein Audiogerät)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station {name}</source>
        <translation>Station {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packer {packer}</source>
        <translation>Packer {packer}</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="-95"/>
        <source>Items per hour of the day</source>
        <extracomment>Days of history the stats cover.</extracomment>
        <translation>Artikel pro Stunde des Tages</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{hour}:00 {n}</source>
        <translation>{hour}:00 {n}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(no badge scanned)</source>
        <translation>(kein Ausweis gescannt)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Packer stats (last 7 days)</source>
        <extracomment>The columns of the packing rate and of the receiving rate (their tooltips say how).</extracomment>
        <translation>Packer-Statistik (letzte 7 Tage)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Items per active hour</source>
        <translation>Artikel pro aktive Stunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units received</source>
        <translation>Einheiten erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units received per hour</source>
        <translation>Einheiten erhalten pro Stunde</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Items divided by the hours of the day in which this packer packed any.</source>
        <translation>Artikel geteilt durch die Stunden des Tages, in denen diese Person etwas gepackt hat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Units of returns received, divided by the hours of the day in which this packer received a return.</source>
        <translation>Erhaltene Einheiten aus Retouren, geteilt durch die Stunden des Tages, in denen dieser Packer eine Retoure angenommen hat.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No shipments or returns in the last 7 days.</source>
        <translation>Keine Sendungen oder Retouren in den letzten 7 Tagen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-101"/>
        <location filename="../../packstation/ui/views/history_returns.py" line="+2"/>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="-70"/>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="-17"/>
        <location line="+17"/>
        <location line="+9"/>
        <source>Packer</source>
        <translation>Packer</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+1"/>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boxes</source>
        <translation>Kartons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mis-scans</source>
        <translation>Fehlscans</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="-74"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+8"/>
        <location filename="../../packstation/ui/views/history_returns.py" line="+19"/>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+28"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+44"/>
        <source>Items per hour of the day: {packer}, {day}</source>
        <translation>Artikel pro Stunde des Tages: {packer}, {day}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/problems.py" line="+66"/>
        <source>Redo refused the API token: it is wrong, expired or revoked. Ask a lead to enter a new token in Settings.</source>
        <translation>Redo hat das API-Token abgelehnt: falsch, abgelaufen oder widerrufen. Schichtleitung bitten, ein neues Token in den Einstellungen einzugeben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not found: {what}. Check the number and scan again.</source>
        <translation>Nicht gefunden: {what}. Nummer prüfen und erneut scannen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Redo is busy (too many requests) and asked to wait {wait}.</source>
        <translation>Redo ist ausgelastet (zu viele Anfragen) und bittet, {wait} zu warten.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Redo is busy (too many requests).</source>
        <translation>Redo ist ausgelastet (zu viele Anfragen).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redo refused this: {said}</source>
        <translation>Redo hat abgelehnt: {said}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Redo server ({host}) did not accept a connection in time.</source>
        <translation>Der Redo-Server ({host}) hat die Verbindung nicht rechtzeitig angenommen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The Redo server ({host}) took too long to answer.</source>
        <translation>Der Redo-Server ({host}) hat zu lange gebraucht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection to the Redo server ({host}) broke before it answered.</source>
        <translation>Die Verbindung zum Redo-Server ({host}) brach vor der Antwort ab.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The Redo server&apos;s answer could not be understood.</source>
        <translation>Die Antwort des Redo-Servers war nicht verständlich.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>No order number was given.</source>
        <translation>Keine Auftragsnummer angegeben.</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>Not an API address: {url}. It must start with https://</source>
        <translation>Keine API-Adresse: {url}. Sie muss mit https:// beginnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API address must not contain a user name or password.</source>
        <translation>Die API-Adresse darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The API address must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>Die API-Adresse darf kein „?“ oder „#“ enthalten.</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>The Redo server ({host}) answered with a redirect (HTTP {status}) instead of an answer; check the API address in Settings.</source>
        <translation>Der Redo-Server ({host}) hat umgeleitet (HTTP {status}). API-Adresse in den Einstellungen prüfen.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>shipment {id} of order {order}</source>
        <translation>Sendung {id} von Auftrag {order}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU {sku}</source>
        <translation>SKU {sku}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inventory {id}</source>
        <translation>Bestand {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inventory levels</source>
        <translation>Bestandsliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order {ref}</source>
        <translation>Auftrag {ref}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The API token lacks the {scope} permission this needs. A Redo admin adds it to the token (or makes a new one with it) and a lead enters it in Settings.</source>
        <translation>Dem API-Token fehlt die Berechtigung {scope}, die das braucht. Ein Redo-Admin fügt sie dem Token hinzu (oder erstellt einen neuen damit), und die Schichtleitung trägt ihn in den Einstellungen ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The API token is not allowed to do this (a permission scope is missing).</source>
        <translation>Das API-Token darf das nicht (eine Berechtigung fehlt).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The Redo server had a problem (error {status}). Try again in a moment.</source>
        <translation>Der Redo-Server hatte ein Problem (Fehler {status}). Gleich erneut versuchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request to Redo could not be made, or its answer could not be handled.</source>
        <translation>Die Anfrage an Redo ist fehlgeschlagen oder die Antwort konnte nicht verarbeitet werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too many requests are waiting; try again in a moment.</source>
        <translation>Zu viele Anfragen warten. Gleich erneut versuchen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach the Redo server ({host}). Check the network connection.</source>
        <translation>Redo-Server ({host}) nicht erreichbar. Netzwerk prüfen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection was lost after the shipment was sent; it is not yet known whether Redo recorded it.</source>
        <translation>Die Verbindung brach nach dem Senden ab. Noch unklar, ob Redo die Sendung erfasst hat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redo answered, but its answer does not confirm this shipment; the order is checked before it is sent again.</source>
        <translation>Redo hat geantwortet, aber die Antwort bestätigt diese Sendung nicht; der Auftrag wird geprüft, bevor sie erneut gesendet wird.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check the number and scan again.</source>
        <translation>Nummer prüfen und erneut scannen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Redo server&apos;s answer could not be understood (it was not JSON).</source>
        <translation>Die Antwort des Redo-Servers war nicht verständlich (kein JSON).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Redo server&apos;s answer could not be understood (unexpected contents).</source>
        <translation>Die Antwort des Redo-Servers war nicht verständlich (unerwarteter Inhalt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Redo server&apos;s answer could not be understood (it was encoded twice).</source>
        <translation>Die Antwort des Redo-Servers war nicht verständlich (doppelt kodiert).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Redo server&apos;s answer could not be understood (unknown encoding).</source>
        <translation>Die Antwort des Redo-Servers war nicht verständlich (unbekannte Kodierung).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Redo server&apos;s answer could not be understood (it could not be decoded).</source>
        <translation>Die Antwort des Redo-Servers war nicht verständlich (nicht dekodierbar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent a reply far too large to be an answer to this request.</source>
        <translation>Der Server hat eine viel zu große Antwort geschickt.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Redo says a shipment with this ID already exists, but it is not on this order.</source>
        <translation>Laut Redo gibt es schon eine Sendung mit dieser ID, aber nicht in diesem Auftrag.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo has a shipment with this ID, but with other items or quantities than this box: check the order in Redo.</source>
        <translation>Redo hat eine Sendung mit dieser ID, aber mit anderen Artikeln oder Mengen als dieser Karton: Auftrag in Redo prüfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An unexpected error occurred; it will be tried again.</source>
        <translation>Unerwarteter Fehler; es wird erneut versucht.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The estimated delivery date &apos;{text}&apos; is not a date like 2026-12-02.</source>
        <translation>Das voraussichtliche Lieferdatum „{text}“ ist kein Datum wie 2026-12-02.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The event time &apos;{text}&apos; is not a time like 2026-11-27 14:30.</source>
        <translation>Die Ereigniszeit „{text}“ ist keine Zeit wie 2026-11-27 14:30.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This box cannot be shipped as it stands.</source>
        <translation>Dieser Karton kann so nicht versendet werden.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Plain http is only allowed to this computer (loopback), not to {host}.</source>
        <translation>Unverschlüsseltes http ist nur zu diesem Computer erlaubt, nicht zu {host}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No secure keyring is available on this computer.</source>
        <translation>Auf diesem Computer ist kein sicherer Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Something went wrong ({error}).</source>
        <translation>Etwas ist schiefgegangen ({error}).</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>An empty reference cannot be part of an address.</source>
        <translation>Eine leere Auftragsnummer kann nicht gesucht werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This reference contains characters that cannot be sent.</source>
        <translation>Diese Auftragsnummer enthält Zeichen, die nicht gesendet werden können.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Not sent: the line {line} is no longer part of the order.</source>
        <translation>Nicht gesendet: Position {line} gehört nicht mehr zum Auftrag.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not sent: &apos;{title}&apos; now has {left} left to ship, but this box holds {held} (it was shipped elsewhere meanwhile).</source>
        <translation>Nicht gesendet: Bei „{title}“ sind nur noch {left} zu versenden, im Karton sind aber {held} (inzwischen anderweitig versendet).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redo does not know order {ref} (404).</source>
        <translation>Redo kennt Auftrag {ref} nicht (404).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This shipment could not be read from the station database, so it will not be sent. It is kept as it was: check the order in Redo, ship it again if it is missing, then discard this entry.</source>
        <translation>Diese Sendung konnte nicht aus der Stationsdatenbank gelesen werden und wird nicht gesendet. Sie bleibt, wie sie ist: Auftrag in Redo prüfen, bei Bedarf erneut versenden, dann diesen Eintrag verwerfen.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Nothing is packed yet: scan at least one item.</source>
        <translation>Noch nichts gepackt: mindestens einen Artikel scannen.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The carrier is missing: scan the shipping label or turn on dummy tracking.</source>
        <translation>Versanddienst fehlt: Etikett scannen oder Test-Sendungsnummer einschalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tracking number is missing: scan the shipping label or turn on dummy tracking.</source>
        <translation>Sendungsnummer fehlt: Etikett scannen oder Test-Sendungsnummer einschalten.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The keyring backend {name} stores secrets unencrypted; it is not used.</source>
        <translation>Der Schlüsselbund {name} speichert Geheimnisse unverschlüsselt; er wird nicht verwendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keyring backend {name} is not usable here.</source>
        <translation>Der Schlüsselbund {name} ist auf diesem Computer nicht nutzbar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The API token could not be read from this computer&apos;s keyring.</source>
        <translation>Das API-Token konnte nicht aus dem Schlüsselbund dieses Computers gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/steps.py" line="+24"/>
        <source>Starting the demo sandbox…</source>
        <translation>Testumgebung wird gestartet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening the station database…</source>
        <translation>Stationsdatenbank wird geöffnet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building the packing bench…</source>
        <translation>Packtisch wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/problems.py" line="-137"/>
        <source>pre-transit</source>
        <translation>versandbereit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in transit</source>
        <translation>unterwegs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out for delivery</source>
        <translation>in Zustellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>available for pickup</source>
        <translation>abholbereit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return to sender</source>
        <translation>zurück an Absender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stalled in transit</source>
        <translation>unterwegs steckengeblieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delayed</source>
        <translation>verspätet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arriving early</source>
        <translation>kommt früher</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/sheets.py" line="+69"/>
        <source>The code {code} cannot be drawn as a barcode ({symbology}).</source>
        <translation>Der Code {code} lässt sich nicht als Barcode darstellen ({symbology}).</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>page {n} of {total}</source>
        <translation>Seite {n} von {total}</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Return of {order} ({carrier})</source>
        <extracomment>Shipping labels to try the flow with a real scanner: valid test numbers of each carrier (from the tracking-number data&apos;s own test numbers), and USPS IMpb label barcodes (420 + ZIP + number) for demo order #1013, one of them for the wrong ZIP.</extracomment>
        <translation>Retoure von {order} ({carrier})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>return label, {status}</source>
        <translation>Retourenetikett, {status}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Packing slip {name}</source>
        <translation>Lieferschein {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>external ID {id}</source>
        <translation>externe ID {id}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The packer at this bench (print one per packer)</source>
        <translation>Packer an diesem Tisch (eins pro Packer drucken)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PackStation command barcodes</source>
        <translation>PackStation-Befehlsbarcodes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PackStation demo sheet - {store}</source>
        <translation>PackStation-Demoblatt - {store}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/language.py" line="+150"/>
        <source>System language</source>
        <extracomment>The languages the window speaks; English is the source language.</extracomment>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes effect at once; the open order stays as it is.</source>
        <translation>Gilt sofort; der offene Auftrag bleibt, wie er ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High visibility</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger type, stronger contrast, thicker focus outlines.</source>
        <translation>Größere Schrift, stärkerer Kontrast, dickere Fokusrahmen.</translation>
    </message>
    <message>
        <location filename="../../packstation/app.py" line="+102"/>
        <source>PackStation hit an unexpected error. It was written to the log; nothing packed or shipped is lost. If it happens again, tell your lead.</source>
        <extracomment>The error box on screen (one at a time: an error in a loop must not stack boxes).</extracomment>
        <translation>PackStation hatte einen unerwarteten Fehler. Er steht im Protokoll; nichts Gepacktes oder Versendetes ist verloren. Passiert es wieder, der Schichtleitung Bescheid geben.</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>PackStation could not start.</source>
        <translation>PackStation konnte nicht starten.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/boxes.py" line="+71"/>
        <source>This box is empty: scan items into it first.</source>
        <extracomment>Where the outcome of a lead&apos;s reprint is said: the bench&apos;s banner, or the dialog the lead asked from (the History), which would otherwise hide it. The boxes of the open order already closed at this bench, in order. A slip that did not print, for &quot;print again&quot; (F6).</extracomment>
        <translation>Dieser Karton ist leer: zuerst Artikel hineinscannen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scan this box&apos;s shipping label first (or PS-DUMMY for dummy tracking).</source>
        <translation>Zuerst das Versandetikett dieses Kartons scannen (oder PS-DUMMY für Test-Sendungsnummer).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Label {code} is already on an earlier box: scan this box&apos;s own label.</source>
        <translation>Etikett {code} klebt schon auf einem früheren Karton: das Etikett dieses Kartons scannen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Box {n} closed: {items}. Box {next} started: {left} left to pack.</source>
        <translation>Karton {n} geschlossen: {items}. Karton {next} begonnen: noch {left} zu packen.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>That shipment&apos;s slip cannot be printed here.</source>
        <translation>Der Lieferschein dieser Sendung kann hier nicht gedruckt werden.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+217"/>
        <source>No printer is chosen: pick one in Settings, Printing.</source>
        <translation>Kein Drucker gewählt: einen unter Einstellungen, Drucken wählen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/boxes.py" line="+3"/>
        <source>Printing the slip of {ref}…</source>
        <translation>Lieferschein von {ref} wird gedruckt…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No slip is waiting to be printed again.</source>
        <translation>Kein Lieferschein wartet auf erneuten Druck.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The slip of {ref} box {box} was printed ({where}).</source>
        <translation>Der Lieferschein von {ref}, Karton {box}, wurde gedruckt ({where}).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Press F6 to print it again.</source>
        <translation>F6 drücken, um ihn erneut zu drucken.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/lines_model.py" line="+65"/>
        <source>Lot {lots}</source>
        <extracomment>The standard look&apos;s colours (``RowColours``&apos; defaults).</extracomment>
        <translation>Charge {lots}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S/N {serials}</source>
        <translation>S/N {serials}</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>no SKU: select, then +</source>
        <translation>keine SKU: auswählen, dann +</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/printer.py" line="+123"/>
        <location filename="../../packstation/ui/views/printing_settings.py" line="+50"/>
        <location line="+75"/>
        <source>PDF into {folder}</source>
        <translation>PDF in {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no printer</source>
        <translation>kein Drucker</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+8"/>
        <source>The folder {folder} cannot be used for printing ({reason}).</source>
        <extracomment>Open flags of a document&apos;s file: always a new file, never an existing one or a link. ``name-2.pdf`` ... ``name-50.pdf``, then names nobody can guess: a folder full of planted names cannot stop the document.</extracomment>
        <translation>Der Ordner {folder} kann nicht zum Drucken verwendet werden ({reason}).</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>No printer is chosen: pick one in Settings.</source>
        <translation>Kein Drucker gewählt: Wähle einen in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{where} did not take the print job.</source>
        <translation>{where} hat den Druckauftrag nicht angenommen.</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>no free file name</source>
        <translation>kein freier Dateiname</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The printer {name} is not installed on this computer.</source>
        <translation>Der Drucker {name} ist auf diesem Computer nicht installiert.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{where} cannot be printed to.</source>
        <translation>Auf {where} kann nicht gedruckt werden.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="-204"/>
        <location filename="../../packstation/ui/words/returns.py" line="+320"/>
        <source>{error} while printing.</source>
        <translation>{error} beim Drucken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The slip for {ref} box {box} did not print: {reason}</source>
        <translation>Der Lieferschein für {ref}, Karton {box}, wurde nicht gedruckt: {reason}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/printing_settings.py" line="-85"/>
        <source>Printing</source>
        <extracomment>The printer combo&apos;s item that asks for a folder (its data is this marker).</extracomment>
        <translation>Drucken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No printer</source>
        <translation>Kein Drucker</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} (not installed)</source>
        <translation>{name} (nicht installiert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF into a folder…</source>
        <translation>PDF in einen Ordner…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>4 × 6 in (label printer)</source>
        <translation>4 × 6 Zoll (Etikettendrucker)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When each box ships</source>
        <translation>Beim Versand jedes Kartons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When an order is opened</source>
        <translation>Beim Öffnen eines Auftrags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only when asked (History, reprint)</source>
        <translation>Nur auf Anforderung (Verlauf, Nachdruck)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>printed on slips (default: the store ID)</source>
        <translation>wird auf Lieferscheine gedruckt (Standard: Shop-ID)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page size</source>
        <translation>Papierformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print slips</source>
        <translation>Lieferscheine drucken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store name</source>
        <translation>Shop-Name</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Folder for packing slips</source>
        <translation>Ordner für Lieferscheine</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/main_window.py" line="-38"/>
        <source>Importing {file}: {done} of {total}</source>
        <translation>{file} wird importiert: {done} von {total}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/slips.py" line="+66"/>
        <source>Neither {ref} nor its Redo order ID {id} can be printed as a barcode.</source>
        <extracomment>Lots, expiry dates and serials of the units, one text per scan that named them. How many boxes the order ships in; None while more may follow (&quot;Box 2&quot;). The order&apos;s ID in Redo: the barcode carries it when ``order_ref`` cannot.</extracomment>
        <translation>Weder {ref} noch die Redo-Auftrags-ID {id} lassen sich als Barcode drucken.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Box {box}</source>
        <translation>Karton {box}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Box {box} of {boxes}</source>
        <translation>Karton {box} von {boxes}</translation>
    </message>
    <message numerus="yes">
        <location line="+121"/>
        <location filename="../../packstation/ui/words/returns.py" line="-18"/>
        <source>+%n more</source>
        <extracomment>Bidi controls (U+202A-202E, U+2066-2069, U+200E-200F, U+061C): on a slip they reorder what follows (&quot;qty 100&quot; printed as &quot;001 x&quot;); nothing on a slip needs them. Tags on a slip at most: the rest are counted, never lost below the page.</extracomment>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lot {lot}</source>
        <translation>Charge {lot}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exp. {date}</source>
        <translation>MHD {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S/N {serial}</source>
        <translation>S/N {serial}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/slip_paint.py" line="-8"/>
        <source>Packing slip</source>
        <translation>Lieferschein</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../packstation/ui/words/returns.py" line="-47"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship via</source>
        <translation>Versand per</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Packed by</source>
        <translation>Gepackt von</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+34"/>
        <location filename="../../packstation/ui/words/returns.py" line="+14"/>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+1"/>
        <location filename="../../packstation/ui/words/returns.py" line="+0"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n item(s) in this box</source>
        <translation>
            <numerusform>%n Artikel in diesem Karton</numerusform>
            <numerusform>%n Artikel in diesem Karton</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/tracking_details.py" line="+97"/>
        <source>Advanced: delivery date, time, place</source>
        <extracomment>QLineEdit&apos;s own space either side of its text (``horizontalMargin`` in qlineedit.cpp), and its cursor&apos;s width.</extracomment>
        <translation>Erweitert: Zustelldatum, Uhrzeit, Ort</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD HH:MM (empty: now)</source>
        <translation>JJJJ-MM-TT HH:MM (leer: jetzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state or province</source>
        <translation>Bundesstaat oder Provinz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>country (US)</source>
        <translation>Land (US)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated delivery</source>
        <translation>Voraussichtliche Zustellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event time</source>
        <translation>Ereigniszeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <comment>part of an address</comment>
        <translation>Bundesland</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/identity.py" line="+68"/>
        <source>A lead&apos;s badge</source>
        <translation>Ausweis einer Schichtleitung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who is doing this?</source>
        <translation>Wer macht das?</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/keyboard.py" line="+63"/>
        <source>A window is open: scans are not taken. Close it (Esc), then scan {code} again.</source>
        <translation>Ein Fenster ist offen: Scans werden nicht angenommen. Fenster schließen (Esc), dann {code} erneut scannen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/scan_note.py" line="+26"/>
        <source>Scan {code} not taken: close this window first (Esc), then scan again.</source>
        <translation>Scan {code} nicht angenommen: zuerst dieses Fenster schließen (Esc), dann erneut scannen.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/taught_dialog.py" line="-11"/>
        <source>Taught barcodes</source>
        <translation>Zugeordnete Barcodes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search by barcode, SKU or person (a scan finds it)</source>
        <translation>Nach Barcode, SKU oder Person suchen (ein Scan findet ihn auch)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Packs SKU</source>
        <translation>Packt SKU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taught by</source>
        <translation>Zugeordnet von</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Forget this barcode…</source>
        <translation>Diesen Barcode vergessen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Forget it</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n taught barcode(s)</source>
        <translation>
            <numerusform>%n zugeordneter Barcode</numerusform>
            <numerusform>%n zugeordnete Barcodes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Searching for the scanned barcode {code}.</source>
        <translation>Gescannter Barcode {code} wird gesucht.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Nothing was forgotten.</source>
        <translation>Nichts wurde vergessen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{code} is forgotten (by {who}).</source>
        <translation>{code} ist vergessen (von {who}).</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Forget this barcode?</source>
        <translation>Diesen Barcode vergessen?</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>{code} will no longer pack anything at this station.</source>
        <translation>{code} packt an dieser Station nichts mehr.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{code} was not a taught barcode.</source>
        <translation>{code} war kein zugeordneter Barcode.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/starting.py" line="-133"/>
        <source>{source}, lines {first} to {last}</source>
        <translation>{source}, Zeilen {first} bis {last}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}, line {line}</source>
        <translation>{source}, Zeile {line}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>a printer name cannot hold control characters</source>
        <translation>ein Druckername darf keine Steuerzeichen enthalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;pdf:&apos; needs a folder, e.g. pdf:C:\Slips</source>
        <translation>&apos;pdf:&apos; braucht einen Ordner, z. B. pdf:C:\Slips</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{value} cannot be read ({reason})</source>
        <translation>{value} ist nicht lesbar ({reason})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} is nested too deeply to be settings</source>
        <translation>{value} ist für Einstellungen zu tief verschachtelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} opens a value that is still open at the end of the file</source>
        <translation>{value} öffnet einen Wert, der am Dateiende noch offen ist</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>not read, as %n line(s) before them could not be</source>
        <translation>
            <numerusform>nicht gelesen, da %n Zeile davor nicht lesbar war</numerusform>
            <numerusform>nicht gelesen, da %n Zeilen davor nicht lesbar waren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{where}: {key} = {value} is not valid ({reason}); using the default {default}.</source>
        <translation>{where}: {key} = {value} ist ungültig ({reason}); der Standardwert {default} wird verwendet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{where}: locked = {value} is not a list of setting names; only the names in it are locked.</source>
        <translation>{where}: locked = {value} ist keine Liste von Einstellungsnamen; nur die darin enthaltenen Namen werden gesperrt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: locked = {value} is not a list of setting names; no setting is locked.</source>
        <translation>{where}: locked = {value} ist keine Liste von Einstellungsnamen; keine Einstellung wird gesperrt.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>{value} opens a value that is not closed before line {line}</source>
        <translation>{value} öffnet einen Wert, der vor Zeile {line} nicht geschlossen wird</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>The warehouse address carries a password: keep it in the keyring instead (packstation warehouse password)</source>
        <translation>Die Lageradresse enthält ein Passwort: Bewahre es stattdessen im Schlüsselbund auf (packstation warehouse password)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The warehouse address carries a password= parameter: keep the password in the keyring instead (packstation warehouse password)</source>
        <translation>Die Lageradresse enthält einen Parameter password=: Bewahre das Passwort stattdessen im Schlüsselbund auf (packstation warehouse password)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The warehouse {host} is not this computer, so the connection must be encrypted: leave sslmode out, or use require, verify-ca or verify-full</source>
        <translation>Das Lager {host} ist nicht dieser Computer, also muss die Verbindung verschlüsselt sein: Lass sslmode weg oder nutze require, verify-ca oder verify-full</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a PostgreSQL address: it must look like postgresql://user@host/database</source>
        <translation>Keine PostgreSQL-Adresse: Sie muss so aussehen: postgresql://benutzer@server/datenbank</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{where}: {what}; line {first} is ignored, so the settings it names are not locked.</source>
        <translation>{where}: {what}; Zeile {first} wird ignoriert, die darin genannten Einstellungen sind also nicht gesperrt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: {what}; lines {first} to {last} are ignored, so the settings they name are not locked.</source>
        <translation>{where}: {what}; die Zeilen {first} bis {last} werden ignoriert, die darin genannten Einstellungen sind also nicht gesperrt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: {what}; line {first} is ignored.</source>
        <translation>{where}: {what}; Zeile {first} wird ignoriert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: {what}; lines {first} to {last} are ignored.</source>
        <translation>{where}: {what}; die Zeilen {first} bis {last} werden ignoriert.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The command line sets {key} = {value}, which IT locked in {file}; using {default}.</source>
        <translation>Die Befehlszeile setzt {key} = {value}, was die IT in {file} gesperrt hat; verwendet wird {default}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The environment sets {key} = {value}, which IT locked in {file}; using {default}.</source>
        <translation>Die Umgebung setzt {key} = {value}, was die IT in {file} gesperrt hat; verwendet wird {default}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where}: cannot be read ({reason}); using the defaults.</source>
        <translation>{where}: nicht lesbar ({reason}); die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: nested too deeply to be settings; using the defaults.</source>
        <translation>{where}: für Einstellungen zu tief verschachtelt; die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: not a JSON object of settings; using the defaults.</source>
        <translation>{where}: kein JSON-Objekt mit Einstellungen; die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: too many lines cannot be read; using safe defaults.</source>
        <translation>{where}: zu viele Zeilen sind nicht lesbar; sichere Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo uses its own sandbox store on this computer: nothing goes to Redo.</source>
        <translation>Die Demo nutzt ihren eigenen Test-Shop auf diesem Computer: nichts geht an Redo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked by IT in {file}.</source>
        <translation>Von der IT in {file} gesperrt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A second PackStation started on this computer cannot reach this window (another program holds its name): it says so and closes instead. Tell IT if this repeats.</source>
        <translation>Ein zweites PackStation auf diesem Rechner erreicht dieses Fenster nicht (ein anderes Programm belegt seinen Namen): Es meldet das und schließt sich. Bei Wiederholung IT informieren.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n waiting shipment(s) could not be read from the station database; they are kept and listed under Needs attention.</source>
        <translation>
            <numerusform>%n wartende Sendung konnte nicht aus der Stationsdatenbank gelesen werden; sie bleibt erhalten und steht unter „Braucht Aufmerksamkeit“.</numerusform>
            <numerusform>%n wartende Sendungen konnten nicht aus der Stationsdatenbank gelesen werden; sie bleiben erhalten und stehen unter „Braucht Aufmerksamkeit“.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The station database was damaged: it was moved aside to {name} and a new one was started. Shipments not yet delivered that were carried over: {carried}. The shipments waiting in it could not be read, so how many were lost is not known: check in Redo the orders packed here before packing them again.</source>
        <translation>Die Stationsdatenbank war beschädigt: Sie wurde als {name} beiseitegelegt und eine neue angelegt. Übernommene, noch nicht zugestellte Sendungen: {carried}. Die darin wartenden Sendungen waren nicht lesbar, wie viele verloren sind, ist unbekannt: die hier gepackten Aufträge in Redo prüfen, bevor sie erneut gepackt werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The station database was damaged: it was moved aside to {name} and a new one was started. Shipments not yet delivered that were carried over: {carried}. %n waiting shipment(s) in it could not be read: check in Redo the orders packed here before packing them again.</source>
        <translation>
            <numerusform>Die Stationsdatenbank war beschädigt: Sie wurde als {name} beiseitegelegt und eine neue angelegt. Übernommene, noch nicht zugestellte Sendungen: {carried}. %n wartende Sendung darin war nicht lesbar: die hier gepackten Aufträge in Redo prüfen, bevor sie erneut gepackt werden.</numerusform>
            <numerusform>Die Stationsdatenbank war beschädigt: Sie wurde als {name} beiseitegelegt und eine neue angelegt. Übernommene, noch nicht zugestellte Sendungen: {carried}. %n wartende Sendungen darin waren nicht lesbar: die hier gepackten Aufträge in Redo prüfen, bevor sie erneut gepackt werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The station database was damaged: it was moved aside to {name} and a new one was started. Shipments not yet delivered that were carried over: %n.</source>
        <translation>
            <numerusform>Die Stationsdatenbank war beschädigt: Sie wurde als {name} beiseitegelegt und eine neue angelegt. Übernommene, noch nicht zugestellte Sendungen: %n.</numerusform>
            <numerusform>Die Stationsdatenbank war beschädigt: Sie wurde als {name} beiseitegelegt und eine neue angelegt. Übernommene, noch nicht zugestellte Sendungen: %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The station database was damaged: it was moved aside to {name} and a new one was started. No shipment waiting to be sent was found in it.</source>
        <translation>Die Stationsdatenbank war beschädigt: Sie wurde als {name} beiseitegelegt und eine neue angelegt. Darin war keine wartende Sendung.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file {path} is not a PackStation station database (it belongs to another program), so PackStation did not change or use it. Move that file away, or start PackStation with another data folder.</source>
        <translation>Die Datei {path} ist keine PackStation-Stationsdatenbank (sie gehört zu einem anderen Programm), daher hat PackStation sie weder geändert noch verwendet. Die Datei woandershin verschieben oder PackStation mit einem anderen Datenordner starten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The station database {path} was written by a newer PackStation (schema {schema}); update this PackStation.</source>
        <translation>Die Stationsdatenbank {path} stammt von einer neueren PackStation (Schema {schema}); diese PackStation aktualisieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station database {path} cannot be opened ({error}).</source>
        <translation>Die Stationsdatenbank {path} lässt sich nicht öffnen ({error}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What went wrong was written to the log ({error}).</source>
        <translation>Was schiefging, steht im Protokoll ({error}).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/actions.py" line="-232"/>
        <source>Warehouse…</source>
        <translation>Lager…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="-39"/>
        <source>Warehouse: {where}</source>
        <extracomment>``as_lead(action, then)``: run ``then(lead)`` once a lead is known for ``action``.</extracomment>
        <translation>Lager: {where}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+131"/>
        <source>Connecting to the warehouse…</source>
        <translation>Verbindung zum Lager wird hergestellt…</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+23"/>
        <source>Benches</source>
        <translation>Tische</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+27"/>
        <location filename="../../packstation/ui/words/returns.py" line="-13"/>
        <source>Bench</source>
        <translation>Tisch</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Open order</source>
        <translation>Offener Auftrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items
today</source>
        <translation>Artikel
heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items
per hour</source>
        <translation>Artikel
pro Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbox
waiting</source>
        <translation>Sendungen
wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbox
failed</source>
        <translation>Sendungen
mit Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today per packer</source>
        <translation>Heute pro Packer</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+2"/>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+4"/>
        <source>Shipments</source>
        <translation>Sendungen</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+5"/>
        <source>Claimed orders</source>
        <translation>Belegte Aufträge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your name</source>
        <extracomment>A release waiting for a lead&apos;s badge (at a bench only, which gives the sound).</extracomment>
        <translation>Dein Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead&apos;s name, for releasing a claim</source>
        <translation>Name der Schichtleitung, zum Freigeben eines belegten Auftrags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Releasing as:</source>
        <translation>Freigeben als:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Release this claim?</source>
        <translation>Diesen Auftrag freigeben?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Release</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/floor_tables.py" line="+138"/>
        <source>Release…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Release order {order}</source>
        <translation>Auftrag {order} freigeben</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+113"/>
        <source>Release order {order} from {bench} ({packer})? {bench} can no longer ship it.</source>
        <translation>Auftrag {order} von {bench} ({packer}) freigeben? {bench} kann ihn dann nicht mehr versenden.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/warehouse.py" line="+143"/>
        <source>Releasing a claim</source>
        <translation>Einen belegten Auftrag freigeben</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="-52"/>
        <source>● Live: {where}</source>
        <translation>● Live: {where}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>⚠ Warehouse offline: {where} cannot be reached. Trying again…</source>
        <translation>⚠ Lager offline: {where} ist nicht erreichbar. Neuer Versuch läuft…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown: what was read at {time}.</source>
        <translation>Angezeigt: Stand von {time}.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/warehouse.py" line="+17"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>vor %n Sekunde</numerusform>
            <numerusform>vor %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-6"/>
        <source>✖ Gone for %n min</source>
        <translation>
            <numerusform>✖ Weg seit %n Min.</numerusform>
            <numerusform>✖ Weg seit %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-122"/>
        <source>{bench} ({packer})</source>
        <extracomment>A bench not seen for longer than this is gone (it reports at least every 20 s).</extracomment>
        <translation>{bench} ({packer})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order {ref} is being packed at {who} since {since}. Leave it to them, or a lead scans PS-TAKEOVER to move it here.</source>
        <translation>Auftrag {ref} wird seit {since} an {who} gepackt. Lass ihn dort, oder die Schichtleitung scannt PS-TAKEOVER und holt ihn hierher.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The return of {order} is being received at {who} since {since}. Put this parcel with theirs, or ask your lead.</source>
        <translation>Die Retoure von {order} wird seit {since} an {who} angenommen. Leg dieses Paket zu ihren oder frag deine Schichtleitung.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order {ref} is now packed at {bench}. It is closed here: take the items out of the box and hand them over.</source>
        <translation>Auftrag {ref} wird jetzt an {bench} gepackt. Hier ist er geschlossen: Nimm die Artikel aus dem Karton und gib sie weiter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order {ref} is no longer this bench&apos;s (a lead released it, or its claim ran out while this bench was away). It is closed here: take the items out of the box.</source>
        <translation>Auftrag {ref} gehört nicht mehr zu diesem Tisch (die Schichtleitung hat ihn freigegeben, oder seine Belegung lief ab, während dieser Tisch nicht verbunden war). Hier ist er geschlossen: Nimm die Artikel aus dem Karton.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{lead} took order {ref} over to this bench.</source>
        <translation>{lead} hat Auftrag {ref} an diesen Tisch geholt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{lead} took order {ref} over from {who}.</source>
        <translation>{lead} hat Auftrag {ref} von {who} übernommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Taking over an order</source>
        <translation>Einen Auftrag übernehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to take over: scan the slip of the order open at another bench first.</source>
        <translation>Nichts zu übernehmen: Scanne zuerst den Lieferschein des Auftrags, der an einem anderen Tisch offen ist.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order {ref} is also open at {who}: it was opened here while the warehouse was offline. Tell your lead before shipping it.</source>
        <translation>Auftrag {ref} ist auch an {who} offen: Er wurde hier geöffnet, als das Lager offline war. Sag deiner Schichtleitung Bescheid, bevor du ihn versendest.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The warehouse was upgraded by a newer PackStation: this bench cannot check whether another bench packs this order.</source>
        <translation>Das Lager wurde von einem neueren PackStation aktualisiert: Dieser Tisch kann nicht prüfen, ob ein anderer Tisch diesen Auftrag packt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The warehouse is not set up yet (packstation warehouse init): this bench cannot check whether another bench packs this order.</source>
        <translation>Das Lager ist noch nicht eingerichtet (packstation warehouse init): Dieser Tisch kann nicht prüfen, ob ein anderer Tisch diesen Auftrag packt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warehouse offline: make sure no other bench packs this order.</source>
        <translation>Lager offline: Stell sicher, dass kein anderer Tisch diesen Auftrag packt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>◆ Warehouse</source>
        <translation>◆ Lager</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◇ Warehouse: connecting…</source>
        <translation>◇ Lager: verbinde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◇ Warehouse: not usable</source>
        <translation>◇ Lager: nicht nutzbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◇ Warehouse offline</source>
        <translation>◇ Lager offline</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The warehouse cannot be reached: {reason}</source>
        <translation>Das Lager ist nicht erreichbar: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claims, the catalog and labels are shared with the other benches.</source>
        <translation>Belegte Aufträge, Katalog und Etiketten werden mit den anderen Tischen geteilt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Who is releasing it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. A claim is released by a person, not by the station.</source>
        <translation>Wer gibt ihn frei? Scanne jetzt deinen Ausweis (PS-USER-Name), oder Esc / PS-CANCEL. Einen belegten Auftrag gibt eine Person frei, nicht die Station.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✖ Gone since {when}</source>
        <translation>✖ Weg seit {when}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/views/floor_tables.py" line="-15"/>
        <source>{time} (%n min)</source>
        <translation>
            <numerusform>{time} (%n Min.)</numerusform>
            <numerusform>{time} (%n Min.)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+30"/>
        <source>{action} is for a lead, and no lead is named: IT names them with “packstation warehouse lead” or in the machine config.</source>
        <translation>{action} ist Sache der Schichtleitung, und es ist keine benannt: Die IT benennt sie mit „packstation warehouse lead“ oder in der Rechnerkonfiguration.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{action} is for a lead: type your name beside “Releasing as” first.</source>
        <translation>{action} ist Sache der Schichtleitung: Gib zuerst deinen Namen bei „Freigeben als“ ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is not a lead here. {action} needs a lead.</source>
        <translation>{name} ist hier keine Schichtleitung. {action} braucht eine Schichtleitung.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+40"/>
        <source>Nothing was released.</source>
        <translation>Nichts wurde freigegeben.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Order {order} released from {bench} by {lead}.</source>
        <translation>{lead} hat Auftrag {order} von {bench} freigegeben.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Order {order} was no longer claimed.</source>
        <translation>Auftrag {order} war schon nicht mehr belegt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order {order} was not released: the warehouse cannot be reached.</source>
        <translation>Auftrag {order} wurde nicht freigegeben: Das Lager ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_note.py" line="+24"/>
        <source>None: this bench works on its own (IT joins it to one with warehouse_url).</source>
        <translation>Keines: Dieser Tisch arbeitet allein (die IT verbindet ihn mit warehouse_url mit einem Lager).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/returns.py" line="-32"/>
        <source>Unreadable scan: scan it again.</source>
        <translation>Scan nicht lesbar: Scanne ihn erneut.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Undone.</source>
        <translation>Zurückgenommen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Clear this return?</source>
        <translation>Diese Retoure leeren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the return</source>
        <translation>Retoure leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Keep receiving</source>
        <translation>Weiter annehmen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Process with units missing?</source>
        <translation>Trotz Fehlmengen verarbeiten?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Process the return</source>
        <translation>Retoure verarbeiten</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/returns.py" line="+75"/>
        <source>The return could not be found now.</source>
        <translation>Die Retoure war gerade nicht auffindbar.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/returns_page.py" line="-20"/>
        <source>or the original order&apos;s slip (#1001), or the return&apos;s ID. PS-PACKING: back to packing.</source>
        <translation>oder den Lieferschein des ursprünglichen Auftrags (#1001) oder die Retouren-ID. PS-PACKING: zurück zum Packen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../packstation/ui/words/returns.py" line="-62"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_returns.py" line="-18"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+1"/>
        <location filename="../../packstation/ui/words/returns.py" line="+0"/>
        <source>Sellable</source>
        <translation>Verkaufsfähig</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+1"/>
        <location filename="../../packstation/ui/words/returns.py" line="+0"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undeclared</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>return job ID</source>
        <translation>Retouren-Auftrags-ID</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/returns_page.py" line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s comment</source>
        <translation>Kundenkommentar</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Process the return (Ctrl+Enter)</source>
        <translation>Retoure verarbeiten (Strg+Enter)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Return of {order}: {received} of {expected} received</source>
        <translation>Retoure von {order}: {received} von {expected} angenommen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exchange</source>
        <translation>Umtausch</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not on this return: {codes}</source>
        <translation>Nicht in dieser Retoure: {codes}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/returns.py" line="-241"/>
        <source>Torn or broken</source>
        <translation>Gerissen oder kaputt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stained or dirty</source>
        <translation>Fleckig oder schmutzig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worn or used</source>
        <translation>Getragen oder benutzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing parts</source>
        <translation>Teile fehlen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong item</source>
        <translation>Falscher Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packaging damaged</source>
        <translation>Verpackung beschädigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wet</source>
        <translation>Nass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags removed</source>
        <translation>Etiketten entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Receiving returns. Scan the return parcel&apos;s label (or its order&apos;s slip). PS-PACKING goes back to packing.</source>
        <translation>Retourenannahme. Scanne das Etikett des Retourenpakets (oder den Lieferschein des Auftrags). PS-PACKING führt zurück zum Packen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Packing orders again. Scan a packing slip.</source>
        <translation>Zurück beim Packen. Scanne einen Lieferschein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the return parcel&apos;s label</source>
        <translation>Scanne das Etikett des Retourenpakets</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finish or clear the order on the bench first (PS-SHIP or PS-CLEAR).</source>
        <translation>Schließ zuerst den Auftrag auf dem Tisch ab oder leere ihn (PS-SHIP oder PS-CLEAR).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return of {order} is open: process it (Ctrl+Enter) or clear it (PS-CLEAR) first.</source>
        <translation>Die Retoure von {order} ist offen: Verarbeite sie zuerst (Strg+Enter) oder leere sie (PS-CLEAR).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking for the return of {code}…</source>
        <translation>Retoure zu {code} wird gesucht…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No open return with this label, order or ID: {code}. Put the parcel aside for your lead.</source>
        <translation>Keine offene Retoure zu Etikett, Auftrag oder ID {code}. Leg das Paket für deine Schichtleitung beiseite.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The return of {order} is already {status} in Redo: nothing is sent again.</source>
        <translation>Die Retoure von {order} hat in Redo schon den Status {status}: Es wird nichts erneut gesendet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order {order} has {n} open returns: scan the parcel&apos;s label instead.</source>
        <translation>Auftrag {order} hat {n} offene Retouren: Scanne stattdessen das Etikett des Pakets.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Return of {order}: %n item(s) expected. Scan each item.</source>
        <translation>
            <numerusform>Retoure von {order}: %n Artikel erwartet. Scanne ihn.</numerusform>
            <numerusform>Retoure von {order}: %n Artikel erwartet. Scanne jeden Artikel.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+151"/>
        <source>The customer asked for an exchange.</source>
        <translation>Der Kunde wünscht einen Umtausch.</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Received {title}: {n} of {m}.</source>
        <translation>{title} angenommen: {n} von {m}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Damaged: scan a reason (1 to 9) or type a note, then Enter.</source>
        <translation>Beschädigt: Scanne einen Grund (1 bis 9) oder tippe eine Notiz, dann Enter.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All {m} of {title} are received already. Keep this one apart.</source>
        <translation>Alle {m} von {title} sind schon angenommen. Leg dieses Stück beiseite.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not on this return: {code}. Put it aside: it is recorded as an undeclared item.</source>
        <translation>Nicht in dieser Retoure: {code}. Leg es beiseite: Es wird als nicht angemeldeter Artikel erfasst.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The next item scanned is received as damaged.</source>
        <translation>Der nächste gescannte Artikel gilt als beschädigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: {note}.</source>
        <translation>Notiz: {note}.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n unit(s) did not arrive. Process the return anyway (Enter or PS-CONFIRM)? An item with nothing received is rejected; one partly received is credited for what came. Esc: go on receiving.</source>
        <translation>
            <numerusform>%n Einheit ist nicht angekommen. Retoure trotzdem verarbeiten (Enter oder PS-CONFIRM)? Ein Artikel, von dem nichts kam, wird abgelehnt; ein teilweise angekommener wird für das Angekommene gutgeschrieben. Esc: weiter annehmen.</numerusform>
            <numerusform>%n Einheiten sind nicht angekommen. Retoure trotzdem verarbeiten (Enter oder PS-CONFIRM)? Ein Artikel, von dem nichts kam, wird abgelehnt; ein teilweise angekommener wird für das Angekommene gutgeschrieben. Esc: weiter annehmen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear the return of {order}? What was received here is forgotten.</source>
        <translation>Retoure von {order} leeren? Was hier angenommen wurde, wird vergessen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return of {order} is cleared: nothing was sent.</source>
        <translation>Retoure von {order} geleert: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Return of {order} done: sending it to Redo. Scan the next parcel.</source>
        <translation>Retoure von {order} fertig: Sie wird an Redo gesendet. Scanne das nächste Paket.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Redo is processing the return of {order}.</source>
        <translation>Redo verarbeitet die Retoure von {order}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo prepared the return of {order}; it processes it once everything is ready.</source>
        <translation>Redo hat die Retoure von {order} vorbereitet; sie wird verarbeitet, sobald alles bereit ist.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Redo did not take the return of {order}: see Needs attention.</source>
        <translation>Redo hat die Retoure von {order} nicht angenommen: siehe „Braucht Aufmerksamkeit“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Return of {order} · received {when}</source>
        <translation>Retoure von {order} · angenommen {when}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Processed in Redo; the comment was not taken: {reason}</source>
        <translation>In Redo bearbeitet; der Kommentar wurde nicht angenommen: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo did not take it: {reason}</source>
        <translation>Redo hat sie nicht angenommen: {reason}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Return receipt</source>
        <translation>Retourenbeleg</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Return of {order}</source>
        <translation>Retoure von {order}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_returns.py" line="-56"/>
        <location filename="../../packstation/ui/words/returns.py" line="+8"/>
        <source>Return ID</source>
        <translation>Retouren-ID</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/returns.py" line="+5"/>
        <source>Received by</source>
        <translation>Angenommen von</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Damaged: {notes}</source>
        <translation>Schäden: {notes}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_returns.py" line="+4"/>
        <location filename="../../packstation/ui/words/returns.py" line="+4"/>
        <source>Not received</source>
        <translation>Nicht angekommen</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/returns.py" line="+5"/>
        <source>{item}: {missing} of {expected} not received</source>
        <translation>{item}: {missing} von {expected} nicht angekommen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every unit expected arrived.</source>
        <translation>Alle erwarteten Einheiten sind angekommen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not on the return (undeclared, put aside)</source>
        <translation>Nicht in der Retoure (nicht angemeldet, beiseitegelegt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Units received: {received} of {expected}</source>
        <translation>Angenommene Einheiten: {received} von {expected}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return ID {id} cannot be printed as a barcode.</source>
        <translation>Die Retouren-ID {id} kann nicht als Barcode gedruckt werden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The receipt for the return of {order} did not print: {reason}</source>
        <translation>Der Beleg für die Retoure von {order} wurde nicht gedruckt: {reason}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/history.py" line="+15"/>
        <source>held</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>processed, comment waiting</source>
        <translation>bearbeitet, Kommentar ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>processed</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting to be sent</source>
        <translation>wartet auf Versand</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Held: {why}</source>
        <translation>Zurückgehalten: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processed in Redo; the comment recording what arrived is still to be sent.</source>
        <translation>In Redo bearbeitet; der Kommentar mit dem, was angekommen ist, wird noch gesendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processed in Redo.</source>
        <translation>In Redo bearbeitet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be sent to Redo.</source>
        <translation>Wartet auf den Versand an Redo.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n Retoure</numerusform>
            <numerusform>%n Retouren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a return first.</source>
        <translation>Zuerst eine Retoure auswählen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return of {order} was received before receipts were kept for printing again: its receipt cannot be printed here.</source>
        <translation>Die Retoure von {order} wurde angenommen, bevor Belege zum erneuten Drucken gespeichert wurden: Ihr Beleg kann hier nicht gedruckt werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printing the receipt of the return of {order}…</source>
        <translation>Beleg der Retoure von {order} wird gedruckt…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The receipt of the return of {order} was printed.</source>
        <translation>Der Beleg der Retoure von {order} wurde gedruckt.</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../packstation/ui/views/lines_model.py" line="-66"/>
        <source>Item</source>
        <extracomment>Rows showing each image URL: an image that arrives repaints only its rows.</extracomment>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packed / to pack</source>
        <translation>Gepackt / zu packen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Versendet</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>nothing left</source>
        <translation>nichts mehr offen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{title}: already shipped, nothing left</source>
        <translation>{title}: schon versendet, nichts mehr offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title}: {packed} of {remaining} packed, {state}</source>
        <translation>{title}: {packed} von {remaining} gepackt, {state}</translation>
    </message>
</context>
</TS>
