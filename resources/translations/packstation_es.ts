<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+78"/>
        <location filename="../../packstation/ui/views/actions.py" line="+37"/>
        <source>Ship</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/actions.py" line="+1"/>
        <source>Close this box (ship it with its label) and start the next box</source>
        <translation>Cerrar esta caja (enviarla con su etiqueta) y empezar la siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/words/commands.py" line="+14"/>
        <source>Undo the last scan or change</source>
        <translation>Deshacer el último escaneo o cambio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer no, stop a countdown or a load, dismiss a red message; then clear the order</source>
        <translation>Responder no, parar una cuenta atrás o una carga, quitar un mensaje rojo; después, vaciar el pedido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a code by hand</source>
        <translation>Teclear un código a mano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teach the last unknown barcode to a line</source>
        <translation>Asignar el último código desconocido a una línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload the order from Redo</source>
        <translation>Volver a cargar el pedido desde Redo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the slip that did not print, again</source>
        <translation>Volver a imprimir el albarán que no se imprimió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more or one less of the selected line</source>
        <translation>Uno más o uno menos de la línea elegida</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>This help</source>
        <translation>Esta ayuda</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Station</source>
        <translation>&amp;Puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History (shipments, returns)…</source>
        <translation>Historial (envíos, devoluciones)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention…</source>
        <translation>Requiere atención…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packer stats…</source>
        <translation>Estadísticas de embaladores…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+113"/>
        <source>Import barcode catalog (CSV)…</source>
        <translation>Importar catálogo de códigos (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taught barcodes…</source>
        <translation>Códigos asignados…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive returns / pack orders</source>
        <translation>Recibir devoluciones / embalar pedidos</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcuts and commands (F1)</source>
        <translation>Atajos y comandos (F1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the command sheet (PDF)…</source>
        <translation>Imprimir la hoja de comandos (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+184"/>
        <source>About PackStation</source>
        <translation>Acerca de PackStation</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Settings saved.</source>
        <translation>Ajustes guardados.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Settings saved. %n held shipment(s) will be sent again.</source>
        <translation>
            <numerusform>Ajustes guardados. Se volverá a enviar %n envío retenido.</numerusform>
            <numerusform>Ajustes guardados. Se volverán a enviar %n envíos retenidos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+152"/>
        <source>Import barcode catalog</source>
        <translation>Importar catálogo de códigos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+240"/>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+0"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Importing {path}…</source>
        <translation>Importando {path}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the command sheet</source>
        <translation>Guardar la hoja de comandos</translation>
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
            <numerusform>Hoja de comandos guardada: {path} (%n página). Imprímela y déjala en la mesa.</numerusform>
            <numerusform>Hoja de comandos guardada: {path} (%n páginas). Imprímela y déjala en la mesa.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PackStation {version}
Packing-bench software for Redo&apos;s Orders API v2.2.</source>
        <translation>PackStation {version}
Programa para mesas de embalaje con la API de pedidos v2.2 de Redo.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/help_dialog.py" line="+14"/>
        <location line="+5"/>
        <source>Shortcuts and commands</source>
        <translation>Atajos y comandos</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/actions.py" line="+35"/>
        <source>Scan a packing slip to open an order, scan the items to pack them, scan the shipping label: the order ships.</source>
        <translation>Escanea un albarán para abrir el pedido, escanea los artículos para embalarlos, escanea la etiqueta de envío: el pedido sale.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command barcodes</source>
        <translation>Códigos de comando</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+63"/>
        <source>Auto-ship stopped.</source>
        <translation>Envío automático parado.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Hello {name}: you are packing at this bench.</source>
        <translation>Hola, {name}: estás embalando en esta mesa.</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Connecting to Redo… Scan a packing slip: it opens as soon as the bench is ready.</source>
        <translation>Conectando con Redo… Escanea un albarán: se abre en cuanto la mesa esté lista.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restoring the order left on the bench…</source>
        <translation>Recuperando el pedido que quedó en la mesa…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closing the box…</source>
        <translation>Cerrando la caja…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../packstation/ui/words/feedback.py" line="+116"/>
        <source>Loading order {ref}…</source>
        <translation>Cargando el pedido {ref}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That scan could not be handled ({code}). Scan it again.</source>
        <translation>No se pudo procesar ese escaneo ({code}). Escanéalo otra vez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{code} is another order&apos;s slip. Ship or clear this order first (Esc).</source>
        <translation>{code} es el albarán de otro pedido. Primero envía o vacía este pedido (Esc).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order {ref} is shipping ({items}).</source>
        <translation>El pedido {ref} se está enviando ({items}).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{name} is packing at this bench (scan your own PS-USER badge if that is not you).</source>
        <translation>{name} está embalando en esta mesa (escanea tu propia tarjeta PS-USER si no eres tú).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{action} is for a lead. A lead scans their badge (PS-USER-name) now, or Esc / PS-CANCEL.</source>
        <translation>{action} es para un responsable. Que un responsable escanee ahora su tarjeta (PS-USER-nombre), o Esc / PS-CANCEL.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is not a lead here. {action} needs a lead&apos;s badge.</source>
        <translation>{name} no es responsable aquí. {action} necesita la tarjeta de un responsable.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Teaching a barcode</source>
        <translation>Asignando un código de barras</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forgetting a taught barcode</source>
        <translation>Olvidar un código de barras enseñado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who is forgetting it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. A barcode is forgotten by a person, not by the station.</source>
        <translation>¿Quién lo olvida? Escanea tu tarjeta (PS-USER-nombre) ahora, o Esc / PS-CANCEL. Un código de barras lo olvida una persona, no la estación.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discarding a held shipment</source>
        <translation>Descartar un envío retenido</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who is discarding it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. A shipment is discarded by a person, not by the station.</source>
        <translation>¿Quién lo descarta? Escanea tu tarjeta (PS-USER-nombre) ahora, o Esc / PS-CANCEL. Un envío lo descarta una persona, no la estación.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Who is teaching? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. A barcode is taught by a person, not by the station.</source>
        <translation>¿Quién lo asigna? Escanea ahora tu tarjeta (PS-USER-nombre), o Esc / PS-CANCEL. Un código lo asigna una persona, no el puesto.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{code} is already {product}: it cannot be taught to another line.</source>
        <translation>{code} ya es {product}: no se puede asignar a otra línea.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{code} is now {sku} on this station (taught by {who}).</source>
        <translation>{code} ahora es {sku} en este puesto (asignado por {who}).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tracking {code}: no {carrier} number has this format. Check it against the label before shipping.</source>
        <translation>Seguimiento {code}: ningún número de {carrier} tiene este formato. Compáralo con la etiqueta antes de enviar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tracking {code}: no carrier&apos;s format fits this number. Check it, and choose the carrier.</source>
        <translation>Seguimiento {code}: el formato no encaja con ningún transportista. Revísalo y elige el transportista.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The catalog {file} is {size} MB, more than the {limit} MB PackStation reads: it was not imported.</source>
        <translation>El catálogo {file} ocupa {size} MB, más de los {limit} MB que lee PackStation: no se ha importado.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The catalog could not be read: {reason}</source>
        <translation>No se pudo leer el catálogo: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n line(s) skipped:</source>
        <translation>
            <numerusform>%n línea omitida:</numerusform>
            <numerusform>%n líneas omitidas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>and %n more (see the log).</source>
        <translation>
            <numerusform>y %n más (mira el registro).</numerusform>
            <numerusform>y %n más (mira el registro).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has a carriage return inside it (lines end with LF or CR LF)</source>
        <translation>tiene un retorno de carro en medio (las líneas acaban en LF o CR LF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than {n} characters</source>
        <translation>tiene más de {n} caracteres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be read as CSV</source>
        <translation>no se puede leer como CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs a SKU and a barcode</source>
        <translation>necesita un SKU y un código de barras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a SKU or barcode is longer than {n} characters</source>
        <translation>un SKU o código de barras tiene más de {n} caracteres</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has characters a scanner never sends (control characters)</source>
        <translation>tiene caracteres que un escáner nunca envía (caracteres de control)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>units per scan must be 1 to 1000</source>
        <translation>las unidades por escaneo deben ser de 1 a 1000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeats the code of line {other} (kept once)</source>
        <translation>repite el código de la línea {other} (se guarda una vez)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>names the code of line {other} for another SKU ({sku}): neither packs</source>
        <translation>da el código de la línea {other} a otro SKU ({sku}): no se embala ninguno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a carrier&apos;s tracking number, never an item</source>
        <translation>es un número de seguimiento de un transportista, nunca un artículo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a code taught at this station for {sku}: the taught code stays</source>
        <translation>es un código asignado en este puesto a {sku}: se queda el asignado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is already in another catalog file, for {sku}: that one stays</source>
        <translation>ya está en otro archivo de catálogo, para {sku}: se queda ese</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {n} {reason}</source>
        <translation>línea {n} {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{action}: not done.</source>
        <translation>{action}: no se hizo.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/commands.py" line="+49"/>
        <source>This bench packs orders already. Scan a packing slip.</source>
        <translation>Esta mesa ya embala pedidos. Escanea un albarán.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PS-DAMAGED is for receiving returns (PS-RETURNS first).</source>
        <translation>PS-DAMAGED es para recibir devoluciones (primero PS-RETURNS).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scan a packing slip first.</source>
        <translation>Primero escanea un albarán.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <location filename="../../packstation/ui/bench/returns.py" line="+155"/>
        <source>The next item scan counts %n.</source>
        <extracomment>Commands the receiving bench answers itself (the rest: ``commands.run_command``). ``PS-DAMAGED``: the next item scanned arrived damaged. The line whose damaged unit waits for its note (a reason&apos;s number, or text). The items&apos; pictures, by SKU key (read from the return&apos;s order after it shows).</extracomment>
        <translation>
            <numerusform>El próximo artículo escaneado cuenta %n.</numerusform>
            <numerusform>El próximo artículo escaneado cuenta %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/edits.py" line="+117"/>
        <source>Select a line first (arrow keys or a click).</source>
        <translation>Primero elige una línea (flechas o un clic).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{title}: this item was already shipped.</source>
        <translation>{title}: este artículo ya se envió.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} is already complete.</source>
        <translation>{title} ya está completo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{title}: none packed yet.</source>
        <translation>{title}: aún no hay ninguno embalado.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../packstation/ui/bench/returns.py" line="+142"/>
        <source>Nothing to undo.</source>
        <translation>Nada que deshacer.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/orders.py" line="+259"/>
        <location line="+16"/>
        <source>Order cleared. Scan the next packing slip.</source>
        <translation>Pedido vaciado. Escanea el siguiente albarán.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Clear this order?</source>
        <translation>¿Vaciar este pedido?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{items} packed for order {ref}. Clear the order anyway? The box must be unpacked.</source>
        <translation>{items} embalados para el pedido {ref}. ¿Vaciar el pedido de todos modos? Hay que desembalar la caja.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the order</source>
        <translation>Vaciar el pedido</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/labels.py" line="+231"/>
        <location filename="../../packstation/ui/bench/orders.py" line="+1"/>
        <location filename="../../packstation/ui/bench/shipping.py" line="+147"/>
        <source>Keep packing</source>
        <translation>Seguir embalando</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/orders.py" line="+12"/>
        <source>Not cleared. Keep packing.</source>
        <translation>No se ha vaciado. Sigue embalando.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="-235"/>
        <source>Order {ref} is already open.</source>
        <translation>El pedido {ref} ya está abierto.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/orders.py" line="-222"/>
        <source>Finish or clear this order first (Esc): {items} packed.</source>
        <extracomment>An order restored at start waits for the client before it is checked. &quot;Order #1010 is shipping.&quot;: said with the next order when its slip, scanned during the countdown, shipped it (the packer never saw &quot;Shipping…&quot;).</extracomment>
        <translation>Primero termina o vacía este pedido (Esc): {items} embalados.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Order {ref} is for location {order}, not this station&apos;s {station}. Check with your lead before packing.</source>
        <translation>El pedido {ref} es para la ubicación {order}, no para la de este puesto ({station}). Consulta con tu responsable antes de embalar.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopped loading order {ref}.</source>
        <translation>Carga del pedido {ref} parada.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n scan(s) dropped.</source>
        <translation>
            <numerusform>%n escaneo descartado.</numerusform>
            <numerusform>%n escaneos descartados.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a packing slip.</source>
        <translation>Escanea un albarán.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Order {ref} could not be loaded: {reason}</source>
        <translation>No se pudo cargar el pedido {ref}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(Settings: top right)</source>
        <translation>(Ajustes: arriba a la derecha)</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Restored order {ref} as it was: {items} packed. Checking it with Redo…</source>
        <translation>Pedido {ref} recuperado tal como estaba: {items} embalados. Comprobando con Redo…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reloading order {ref}…</source>
        <translation>Recargando el pedido {ref}…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Order {ref} changed in Redo: {changes}.</source>
        <translation>El pedido {ref} ha cambiado en Redo: {changes}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order {ref} is up to date.</source>
        <translation>El pedido {ref} está al día.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/feedback.py" line="+242"/>
        <source>new line {title}</source>
        <translation>línea nueva {title}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{title}: {a} → {b} left to ship</source>
        <translation>{title}: {a} → {b} por enviar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title}: packed count reduced from {a} to {b}</source>
        <translation>{title}: embalados reducidos de {a} a {b}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} was removed from the order</source>
        <translation>{title} se quitó del pedido</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+51"/>
        <source>Scan a packing slip</source>
        <translation>Escanea un albarán</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>or type an order number (#1001, the order ID or the Redo ID) and press Enter</source>
        <translation>o teclea un número de pedido (#1001, el ID del pedido o el ID de Redo) y pulsa Intro</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/boxes_panel.py" line="+18"/>
        <location line="+5"/>
        <source>Boxes of this order</source>
        <translation>Cajas de este pedido</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-58"/>
        <location filename="../../packstation/ui/views/pages.py" line="+21"/>
        <source>sent to Redo</source>
        <translation>enviado a Redo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/pages.py" line="+1"/>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/pages.py" line="+1"/>
        <source>NEEDS ATTENTION</source>
        <translation>REQUIERE ATENCIÓN</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Box {n}: {items} · {label} · {state}</source>
        <translation>Caja {n}: {items} · {label} · {state}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Box {n}: on the bench</source>
        <translation>Caja {n}: en la mesa</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+2"/>
        <source>Recent shipments from this bench:</source>
        <translation>Últimos envíos de esta mesa:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="-20"/>
        <location filename="../../packstation/ui/views/pages.py" line="+200"/>
        <source>Order lines</source>
        <translation>Líneas del pedido</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+14"/>
        <source>Select a line, then + / − (for items without a barcode)</source>
        <translation>Elige una línea y pulsa + / − (para artículos sin código de barras)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>− One less</source>
        <translation>− Uno menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ One more</source>
        <translation>+ Uno más</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+5"/>
        <location filename="../../packstation/ui/views/pages.py" line="+10"/>
        <source>Packed so far</source>
        <translation>Embalado hasta ahora</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/slip_paint.py" line="+124"/>
        <location filename="../../packstation/ui/views/pages.py" line="-79"/>
        <source>Ship to</source>
        <extracomment>The fixed columns&apos; widths at least; the Item column takes what is left. A header this much wider than its column widens it; more, and its words wrap.</extracomment>
        <translation>Enviar a</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+7"/>
        <source>Order tags</source>
        <translation>Marcas del pedido</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/slip_paint.py" line="-21"/>
        <location filename="../../packstation/ui/views/pages.py" line="+103"/>
        <source>Order {ref}</source>
        <translation>Pedido {ref}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/pages.py" line="+6"/>
        <source>placed {date}</source>
        <translation>hecho el {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order ID {id}</source>
        <translation>ID de pedido {id}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{packed} of {items} packed</source>
        <translation>{packed} de {items} embalados</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+23"/>
        <location filename="../../packstation/ui/views/question_panel.py" line="+34"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/question_panel.py" line="+55"/>
        <source>Choose (Enter)</source>
        <translation>Elegir (Intro)</translation>
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
        <translation>Intro</translation>
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
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Answer the question first: scan a badge (PS-USER-name), or Esc / PS-CANCEL.</source>
        <translation>Primero responde la pregunta: escanea una tarjeta (PS-USER-nombre), o Esc / PS-CANCEL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer the question first: press a number (PS-CONFIRM takes the first), or Esc / PS-CANCEL for {no}.</source>
        <translation>Primero responde la pregunta: pulsa un número (PS-CONFIRM elige el primero), o Esc / PS-CANCEL para {no}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer the question first: PS-CONFIRM for {yes}, Esc or PS-CANCEL for {no}. Enter: {default}.</source>
        <translation>Primero responde la pregunta: PS-CONFIRM para {yes}, Esc o PS-CANCEL para {no}. Intro: {default}.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/labels.py" line="-180"/>
        <source>Which carrier?</source>
        <extracomment>A tracking number the packer agreed to use again, for this order only. The last (number, carrier) that went through recognition and the label checks. The form stores every keystroke and every carrier chosen in ``bench.inputs``; only this pair has been checked (a carrier chosen after an unknown number was said in amber is checked again, against that carrier&apos;s format). An unknown number with a carrier that does not fit the order&apos;s shipping method, agreed to by the packer: (order ID, number, carrier).</extracomment>
        <translation>¿Qué transportista?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The label {code} fits more than one carrier. Press its number.</source>
        <translation>La etiqueta {code} vale para más de un transportista. Pulsa su número.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Label not used. Scan it again to choose the carrier.</source>
        <translation>Etiqueta no usada. Escanéala otra vez para elegir el transportista.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Tracking number used before</source>
        <translation>Número de seguimiento ya usado</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Tracking number {code} was already used for order {other} at this station. Use it for this order too?</source>
        <translation>El número de seguimiento {code} ya se usó para el pedido {other} en este puesto. ¿Usarlo también para este pedido?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use it again</source>
        <translation>Usarlo otra vez</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Scan another label</source>
        <translation>Escanear otra etiqueta</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Not using this label</source>
        <translation>No usar esta etiqueta</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This label is for ZIP {label}; the order ships to {order}. Find the label for this order.</source>
        <translation>Esta etiqueta es para el código postal {label}; el pedido va al {order}. Busca la etiqueta de este pedido.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Label and shipping method differ</source>
        <translation>La etiqueta no coincide con el método de envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a {carrier} label; the order ships by {method}. Use this label?</source>
        <translation>Esta etiqueta es de {carrier}; el pedido se envía por {method}. ¿Usar esta etiqueta?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use this label</source>
        <translation>Usar esta etiqueta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label not used. Scan the order&apos;s label.</source>
        <translation>Etiqueta no usada. Escanea la etiqueta del pedido.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tracking number {code} was already used for order {other} at {bench}. Use it for this order too?</source>
        <translation>El número de seguimiento {code} ya se usó para el pedido {other} en {bench}. ¿Usarlo también para este pedido?</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Label {code} not used: scan this order&apos;s own label.</source>
        <translation>Etiqueta {code} no usada: escanea la etiqueta de este pedido.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Carrier and shipping method differ</source>
        <translation>El transportista y el método de envío no coinciden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order ships by {method}; this box would go as {carrier}. Ship it so?</source>
        <translation>El pedido se envía por {method}; esta caja iría como {carrier}. ¿Enviarla así?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ship as {carrier}</source>
        <translation>Enviar como {carrier}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not shipped. Check the carrier and the label.</source>
        <translation>No enviado. Comprueba el transportista y la etiqueta.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+15"/>
        <source>Dummy tracking on.</source>
        <translation>Seguimiento de prueba activado.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dummy tracking off.</source>
        <translation>Seguimiento de prueba desactivado.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/shipping.py" line="-15"/>
        <source>Answer the question first, then scan the slip.</source>
        <extracomment>Labels: recognised, checked against the order, asked about (``labels.py``).</extracomment>
        <translation>Primero responde la pregunta y después escanea el albarán.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Partial shipment</source>
        <translation>Envío parcial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship {packed} of {total}? {left} stay open for a later shipment.</source>
        <translation>¿Enviar {packed} de {total}? {left} quedan pendientes para otro envío.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ship {items}</source>
        <translation>Enviar {items}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not shipped. Keep packing.</source>
        <translation>No enviado. Sigue embalando.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Auto-ship stopped. Ctrl+Enter or PS-SHIP ships when you are ready.</source>
        <translation>Envío automático parado. Ctrl+Intro o PS-SHIP envía cuando estés listo.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+50"/>
        <source>Nothing to teach: scan the unknown item first.</source>
        <translation>Nada que asignar: primero escanea el artículo desconocido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No line of this order can take a barcode.</source>
        <translation>Ninguna línea de este pedido admite un código de barras.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/teach.py" line="+48"/>
        <source>Teach a barcode</source>
        <translation>Asignar un código de barras</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not teach it</source>
        <translation>No enseñarlo</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+4"/>
        <source>Which line is {code}? It will be remembered on this station.</source>
        <translation>¿A qué línea corresponde {code}? Este puesto lo recordará.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/words/feedback.py" line="-322"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No API token for store {store} on this computer: open Settings (top right) and enter it.</source>
        <translation>No hay token de API para la tienda {store} en este equipo: abre Ajustes (arriba a la derecha) e introdúcelo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not set up yet: open Settings (top right) to enter the store ID and token.</source>
        <translation>Aún sin configurar: abre Ajustes (arriba a la derecha) e introduce el ID de tienda y el token.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ready. Scan a packing slip.</source>
        <translation>Listo. Escanea un albarán.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing left to pack in this order. Press Esc for the next order.</source>
        <translation>No queda nada por embalar en este pedido. Pulsa Esc para el siguiente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All packed. Scan the shipping label, then Ctrl+Enter.</source>
        <translation>Todo embalado. Escanea la etiqueta de envío y pulsa Ctrl+Intro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the next item.</source>
        <translation>Escanea el siguiente artículo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order {ref} is already fully shipped. Nothing to pack.</source>
        <translation>El pedido {ref} ya se envió entero. Nada que embalar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order {ref}: some items are still being sent from this bench; they are not counted again.</source>
        <translation>Pedido {ref}: algunos artículos aún se están enviando desde esta mesa; no se cuentan otra vez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order {ref}: {items} to pack. Scan the first item.</source>
        <translation>Pedido {ref}: {items} por embalar. Escanea el primer artículo.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n scan(s) waiting; they are handled in order.</source>
        <translation>
            <numerusform>%n escaneo en espera; se procesa en orden.</numerusform>
            <numerusform>%n escaneos en espera; se procesan en orden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+152"/>
        <source>Press Ctrl+Enter to ship.</source>
        <translation>Pulsa Ctrl+Intro para enviar.</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Now scan the shipping label.</source>
        <translation>Ahora escanea la etiqueta de envío.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All {items} packed. {next}</source>
        <translation>Todo embalado ({items}). {next}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packed {title}: {packed} of {remaining}</source>
        <translation>Embalado {title}: {packed} de {remaining}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packed {n} × {title}: {packed} of {remaining}</source>
        <translation>Embalados {n} × {title}: {packed} de {remaining}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(line complete)</source>
        <translation>(línea completa)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{title}: this item was already shipped. Keep it out of the box.</source>
        <translation>{title}: este artículo ya se envió. No lo metas en la caja.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title}: {units} is more than the {left} left. Nothing was packed.</source>
        <translation>{title}: {units} son más que los {left} que quedan. No se ha embalado nada.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Too many: {title} is already complete ({n} of {n}). Keep it out of the box.</source>
        <translation>Demasiados: {title} ya está completo ({n} de {n}). No lo metas en la caja.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{title} with serial {serial} already went in box {box} of this order: the same unit was scanned twice. Nothing was packed.</source>
        <translation>{title} con número de serie {serial} ya va en la caja {box} de este pedido: se escaneó dos veces la misma unidad. No se ha embalado nada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{title} with serial {serial} already went in an earlier shipment of this order: the same unit was scanned twice. Nothing was packed.</source>
        <translation>{title} con número de serie {serial} ya salió en un envío anterior de este pedido: se escaneó dos veces la misma unidad. No se ha embalado nada.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title} with serial {serial} is already packed in this order: the same unit was scanned twice. Nothing was packed.</source>
        <translation>{title} con número de serie {serial} ya está embalado en este pedido: se escaneó dos veces la misma unidad. No se ha embalado nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This order is already fully shipped. Nothing to pack.</source>
        <translation>Este pedido ya se envió entero. Nada que embalar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That scan was unreadable. Scan again.</source>
        <translation>No se pudo leer ese escaneo. Escanea otra vez.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not in this order: {code}. Keep it out of the box. (Lead: F4 teaches it to a line.)</source>
        <translation>No es de este pedido: {code}. No lo metas en la caja. (Responsable: F4 lo asigna a una línea.)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{code} is not a PackStation command. Check the command sheet.</source>
        <translation>{code} no es un comando de PackStation. Mira la hoja de comandos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Removed one {title}: {packed} of {remaining} packed.</source>
        <translation>Quitado uno de {title}: {packed} de {remaining} embalados.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added one {title}: {packed} of {remaining}</source>
        <translation>Añadido uno de {title}: {packed} de {remaining}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Undone: {title} is back to {packed} of {remaining}.</source>
        <translation>Deshecho: {title} vuelve a {packed} de {remaining}.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Undone: %n line(s) put back as they were.</source>
        <translation>
            <numerusform>Deshecho: %n línea vuelve a como estaba.</numerusform>
            <numerusform>Deshecho: %n líneas vuelven a como estaban.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{code} is an item: scan the packing slip first.</source>
        <translation>{code} es un artículo: primero escanea el albarán.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} is a shipping label: scan the packing slip first.</source>
        <translation>{code} es una etiqueta de envío: primero escanea el albarán.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No order {code} in Redo. Scan the packing slip&apos;s order barcode (an item or a label only counts once an order is open).</source>
        <translation>No hay pedido {code} en Redo. Escanea el código del pedido en el albarán (un artículo o una etiqueta solo cuenta con un pedido abierto).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Something went wrong loading the order.</source>
        <translation>Algo falló al cargar el pedido.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save to this computer&apos;s disk ({error}). The last change was not kept.</source>
        <translation>No se pudo guardar en el disco de este ordenador ({error}). El último cambio no se ha guardado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tracking {code} ({carrier}).</source>
        <translation>Seguimiento {code} ({carrier}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carrier not recognised: choose one</source>
        <translation>transportista no reconocido: elige uno</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All packed. Shipping in {s:.1f} s… (Esc or PS-CANCEL to stop)</source>
        <translation>Todo embalado. Envío en {s:.1f} s… (Esc o PS-CANCEL para parar)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-127"/>
        <location filename="../../packstation/ui/words/feedback.py" line="+11"/>
        <source>dummy tracking {code}</source>
        <extracomment>Rows shown; the export takes every match. Typing in the search waits this long before asking, so a word is one query.</extracomment>
        <translation>seguimiento de prueba {code}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/feedback.py" line="+6"/>
        <source>Shipping order {ref}: {items}… Scan the next packing slip.</source>
        <translation>Enviando el pedido {ref}: {items}… Escanea el siguiente albarán.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Shipped order {ref}: {items} · {tracking}</source>
        <translation>Pedido {ref} enviado: {items} · {tracking}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order {ref} was NOT shipped: {message} See Needs attention below.</source>
        <translation>El pedido {ref} NO se ha enviado: {message} Mira «Requiere atención» abajo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order {ref} is waiting to be sent: {message} Next try at {when}.</source>
        <translation>El pedido {ref} espera para enviarse: {message} Próximo intento a las {when}.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/commands.py" line="-2"/>
        <source>Ship now (also confirms a partial shipment)</source>
        <translation>Enviar ya (también confirma un envío parcial)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this box: ship it with its label, start the next box</source>
        <translation>Cerrar esta caja: enviarla con su etiqueta, empezar la siguiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the order (asks if anything is packed)</source>
        <translation>Vaciar el pedido (pregunta si hay algo embalado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dummy tracking on / off (testing)</source>
        <translation>Seguimiento de prueba sí / no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes: answer the open question</source>
        <translation>Sí: responde la pregunta abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No: answer the open question, stop the auto-ship countdown</source>
        <translation>No: responde la pregunta abierta, para la cuenta atrás del envío automático</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The packer at this bench</source>
        <translation>El embalador de esta mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead: take over the order open at another bench (warehouse)</source>
        <translation>Responsable: traer aquí el pedido abierto en otra mesa (almacén)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive returned parcels at this bench</source>
        <translation>Recibir paquetes de devolución en esta mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack orders at this bench (leave returns)</source>
        <translation>Embalar pedidos en esta mesa (salir de devoluciones)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returns: the next item scanned arrived damaged</source>
        <translation>Devoluciones: el próximo artículo escaneado llegó dañado</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The next item scan counts %n</source>
        <translation>
            <numerusform>El próximo artículo escaneado cuenta %n</numerusform>
            <numerusform>El próximo artículo escaneado cuenta %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/main_window.py" line="+128"/>
        <source>Type an order number or code and press Enter (F2)</source>
        <extracomment>How long the window stays up to say that unsent shipments are kept, before it closes. The status bar&apos;s &quot;oldest waiting&quot; age is written again this often (from the snapshot). Closing was asked for and everything is stopped (the shell closes with it). Where keys and scans go: the scanner&apos;s bursts, typing by hand, Esc, F2.</extracomment>
        <translation>Teclea un número de pedido o un código y pulsa Intro (F2)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="-41"/>
        <location filename="../../packstation/ui/views/main_window.py" line="+2"/>
        <source>Code typed by hand</source>
        <translation>Código tecleado a mano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type an order number or a barcode and press Enter. F2 comes back here.</source>
        <translation>Teclea un número de pedido o un código y pulsa Intro. F2 vuelve aquí.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+14"/>
        <location filename="../../packstation/ui/views/main_window.py" line="+3"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every shipment sent from this bench.</source>
        <translation>Todos los envíos hechos desde esta mesa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/main_window.py" line="+1"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Store, token, sounds, language and look.</source>
        <translation>Tienda, token, sonidos, idioma y aspecto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/main_window.py" line="+1"/>
        <source>Shortcuts (F1)</source>
        <translation>Atajos (F1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every key and command barcode. Key: F1.</source>
        <translation>Todas las teclas y códigos de comando. Tecla: F1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The items of the open order. Arrow keys choose a line; + and − change it.</source>
        <translation>Los artículos del pedido abierto. Las flechas eligen una línea; + y − la cambian.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One less</source>
        <translation>Uno menos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One less of the chosen line. Key: −.</source>
        <translation>Uno menos de la línea elegida. Tecla: −.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more</source>
        <translation>Uno más</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One more of the chosen line. Key: +.</source>
        <translation>Uno más de la línea elegida. Tecla: +.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items packed out of the items to pack.</source>
        <translation>Artículos embalados del total por embalar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Filled in when the shipping label is scanned.</source>
        <translation>Se rellena al escanear la etiqueta de envío.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ship with a made-up tracking number, for tests only. Space ticks it.</source>
        <translation>Enviar con un número de seguimiento inventado, solo para pruebas. Espacio lo marca.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A message for the dummy tracking (optional).</source>
        <translation>Un mensaje para el seguimiento de prueba (opcional).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ships the order. Key: Ctrl+Enter, or scan PS-SHIP.</source>
        <translation>Envía el pedido. Tecla: Ctrl+Intro, o escanea PS-SHIP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shipments already made for this order.</source>
        <translation>Envíos ya hechos para este pedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The status or event to post to Redo.</source>
        <translation>El estado o evento que se publica en Redo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A message to post with it (optional).</source>
        <translation>Un mensaje que se publica con él (opcional).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts the status to Redo for the chosen shipment.</source>
        <translation>Publica el estado en Redo para el envío elegido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer with the number keys, Enter or Esc, or scan PS-CONFIRM or PS-CANCEL.</source>
        <translation>Responde con los números, Intro o Esc, o escanea PS-CONFIRM o PS-CANCEL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choices</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrow keys choose, Enter takes it; or press its number.</source>
        <translation>Las flechas eligen, Intro confirma; o pulsa su número.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/main_window.py" line="+90"/>
        <source>DEMO (sandbox)</source>
        <translation>DEMO (entorno de pruebas)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+52"/>
        <source>RETURNS</source>
        <extracomment>The items&apos; pictures (px), as large as the order page&apos;s. +/- on the selected row: (row, the received count wanted).</extracomment>
        <translation>DEVOLUCIONES</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>packer: {name}</source>
        <translation>embalador: {name}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>That scan was not read cleanly ({code}). Scan it again.</source>
        <translation>Ese escaneo no se leyó bien ({code}). Escanea otra vez.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/words/bench.py" line="+94"/>
        <source>Catalog {file}: %n barcode(s) imported.</source>
        <translation>
            <numerusform>Catálogo {file}: %n código importado.</numerusform>
            <numerusform>Catálogo {file}: %n códigos importados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/views/main_window.py" line="+102"/>
        <source>Closing. Not yet sent to Redo: %n shipment(s), kept on this computer and sent when PackStation starts again.</source>
        <translation>
            <numerusform>Cerrando. Sin enviar a Redo: %n envío, se guarda en este ordenador y se envía al volver a abrir PackStation.</numerusform>
            <numerusform>Cerrando. Sin enviar a Redo: %n envíos, se guardan en este ordenador y se envían al volver a abrir PackStation.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/shipping.py" line="-47"/>
        <source>Posting {status}…</source>
        <translation>Publicando {status}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posted {status}.</source>
        <translation>{status} publicado.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="-144"/>
        <source>Back to scanning. F2 types a code by hand.</source>
        <translation>De vuelta a escanear. F2 teclea un código a mano.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="+111"/>
        <source>Needs attention</source>
        <extracomment>Received returns Redo did not take, by their job&apos;s ID. The shipment the &quot;are you sure?&quot; is about, and the lead who discards it.</extracomment>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edit tracking and retry…</source>
        <translation>Cambiar seguimiento y reintentar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings (new token)…</source>
        <translation>Ajustes (token nuevo)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+85"/>
        <location filename="../../packstation/ui/views/boxes_panel.py" line="-11"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-14"/>
        <source>dummy tracking</source>
        <translation>seguimiento de prueba</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>  (check the token in Settings)</source>
        <translation>  (revisa el token en Ajustes)</translation>
    </message>
    <message>
        <location line="+49"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+148"/>
        <source>fulfillment ID</source>
        <translation>ID de preparación</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Edit tracking</source>
        <translation>Cambiar seguimiento</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="-26"/>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="+16"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+73"/>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="-179"/>
        <source>Retry now</source>
        <translation>Reintentar ya</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Waiting to be sent: next try at {when}</source>
        <translation>Espera para enviarse: próximo intento {when}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Waiting to be sent: sending now</source>
        <extracomment>Kept free of the screen&apos;s width for the borders a window manager puts around the dialog (unknown until it is first shown).</extracomment>
        <translation>Pendiente de envío: enviando ahora</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Nothing needs attention, and nothing is waiting to be sent.</source>
        <translation>Nada requiere atención y no hay nada pendiente de enviar.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Not done: the station database said {error}.</source>
        <translation>No se ha hecho: la base de datos del puesto respondió {error}.</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+1"/>
        <source>Tracking</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Discard this shipment?</source>
        <translation>¿Descartar este envío?</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Order {ref}, {n} items, will NOT be sent to Redo. Only do this if the box was unpacked or shipped another way.</source>
        <translation>El pedido {ref}, {n} artículos, NO se enviará a Redo. Hazlo solo si la caja se desembaló o salió por otra vía.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Nothing was discarded: that shipment is no longer held.</source>
        <translation>No se descartó nada: ese envío ya no está retenido.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>If you discard it, {who} is recorded at this station as the one who did.</source>
        <translation>Si lo descartas, {who} queda registrado en esta estación como quien lo hizo.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The shipment of order {ref} is discarded (by {who}).</source>
        <translation>El envío del pedido {ref} está descartado (por {who}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was discarded.</source>
        <translation>No se descartó nada.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-115"/>
        <location filename="../../packstation/ui/views/history_returns.py" line="+60"/>
        <location filename="../../packstation/ui/views/taught_dialog.py" line="+55"/>
        <source>When</source>
        <extracomment>The column of the outcome (its tooltip holds the whole of it).</extracomment>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/history_returns.py" line="+1"/>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+112"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+132"/>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="-9"/>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier and tracking</source>
        <translation>Transportista y seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+3"/>
        <source>Returns</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the receipt again</source>
        <translation>Imprimir el recibo otra vez</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Search by order, return ID or packer (scanning a receipt finds its return)</source>
        <translation>Busca por pedido, ID de la devolución o embalador (escanear un recibo encuentra su devolución)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every return matching the search, one row per item: units by condition</source>
        <translation>Cada devolución que coincide con la búsqueda, una fila por artículo: unidades por estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every shipment matching the search: SKU, quantity, lot, expiry and serial</source>
        <translation>Todos los envíos de la búsqueda: SKU, cantidad, lote, caducidad y número de serie</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Print the slip again</source>
        <translation>Imprimir el albarán otra vez</translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n envío</numerusform>
            <numerusform>%n envíos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Searching for the scanned code {code}.</source>
        <translation>Buscando el código escaneado {code}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a shipment first.</source>
        <translation>Primero elige un envío.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exporting to {path}…</source>
        <translation>Exportando a {path}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not exported: {reason}</source>
        <translation>No exportado: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%n row(s) written to {path}</source>
        <translation>
            <numerusform>%n fila escrita en {path}</numerusform>
            <numerusform>%n filas escritas en {path}</numerusform>
        </translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Search by order or tracking number (scanning a slip or a label finds it)</source>
        <translation>Busca por pedido o número de seguimiento (o escanea el albarán o la etiqueta)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs attention</source>
        <translation>requiere atención</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="-156"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+7"/>
        <location filename="../../packstation/ui/views/pages.py" line="-275"/>
        <location filename="../../packstation/ui/words/feedback.py" line="-27"/>
        <source>{ref} · box {n}</source>
        <translation>{ref} · caja {n}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+3"/>
        <source>{n} (partial)</source>
        <translation>{n} (parcial)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="-205"/>
        <source>PackStation settings</source>
        <extracomment>Looked up by &quot;Test connection&quot;: a 404 for it proves the address and the token work. Kept free of the screen&apos;s available height for the dialog&apos;s own title bar and frame.</extracomment>
        <translation>Ajustes de PackStation</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Welcome. PackStation needs your Redo store ID and an API token. Both come from Redo: a Redo admin creates the token for this store (it needs the orders and fulfillments scopes; inventory reading is optional) and gives you the store ID with it. The token is kept in this computer&apos;s keyring, never in a file. To try PackStation without them, start it with: packstation --demo</source>
        <translation>Bienvenido. PackStation necesita el ID de tienda de Redo y un token de API. Los dos vienen de Redo: un administrador de Redo crea el token para esta tienda (necesita los permisos de pedidos y envíos; leer inventario es opcional) y te da el ID de tienda con él. El token se guarda en el llavero de este ordenador, nunca en un archivo. Para probar PackStation sin ellos, ábrelo con: packstation --demo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>paste the API token</source>
        <translation>pega el token de la API</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Play sounds</source>
        <translation>Reproducir sonidos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ship by itself when everything is packed and labelled</source>
        <translation>Enviar automáticamente cuando todo esté embalado y etiquetado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store ID</source>
        <translation>ID de tienda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API token</source>
        <translation>Token de la API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station name</source>
        <translation>Nombre del puesto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warehouse</source>
        <translation>Almacén</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sounds</source>
        <translation>Sonidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-ship</source>
        <translation>Envío automático</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Barcodes</source>
        <translation>Códigos de barras</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>In a warehouse, a bench keeps its name: IT sets it (station_name).</source>
        <translation>En un almacén, una mesa conserva su nombre: lo fija IT (station_name).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/starting.py" line="+165"/>
        <source>Set by the command line or the environment for this run.</source>
        <translation>Fijado por la línea de comandos o el entorno en esta ejecución.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/settings_dialog.py" line="+23"/>
        <source>Sound: off (no audio device). Connect speakers or headphones; the bench shows every outcome in colour and words meanwhile.</source>
        <translation>Sonido: apagado (sin dispositivo de audio). Conecta altavoces o auriculares; mientras tanto, la mesa muestra cada resultado con colores y palabras.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>stored in the keyring (leave empty to keep it)</source>
        <translation>en el llavero (vacío = se conserva)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{problem} The token will be kept only until PackStation closes.</source>
        <translation>{problem} El token solo se guardará hasta que se cierre PackStation.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+10"/>
        <source>Enter the store ID and the token first.</source>
        <translation>Primero introduce el ID de tienda y el token.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connected: the address, store and token work.</source>
        <translation>Conectado: la dirección, la tienda y el token funcionan.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A token has no spaces: paste it again.</source>
        <translation>Un token no lleva espacios: pégalo otra vez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the store ID for this token.</source>
        <translation>Introduce el ID de tienda de este token.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving the token in the keyring…</source>
        <translation>Guardando el token en el llavero…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The token could not be stored ({error}).</source>
        <translation>No se pudo guardar el token ({error}).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shell.py" line="+45"/>
        <source>Starting…</source>
        <translation>Arrancando…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Scans kept: {n}. They are handled as soon as the bench is ready.</source>
        <extracomment>Told of the first scan kept (start-up may send a slip to Redo at once).</extracomment>
        <translation>Escaneos guardados: {n}. Se procesan en cuanto la mesa esté lista.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A scan was not read cleanly: scan it again.</source>
        <translation>Un escaneo no se leyó bien: escanea otra vez.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+15"/>
        <location filename="../../packstation/ui/views/shipments_panel.py" line="+65"/>
        <source>Shipments of this order</source>
        <extracomment>(fulfillment ID, status or event, message)</extracomment>
        <translation>Envíos de este pedido</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipments_panel.py" line="-23"/>
        <source>Shipment {n}</source>
        <translation>Envío {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shipped {date}</source>
        <translation>enviado el {date}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>None yet.</source>
        <translation>Ninguno todavía.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test a Redo automation (dummy tracking only):</source>
        <translation>Probar una automatización de Redo (solo seguimiento de prueba):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>event: </source>
        <translation>evento: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>message (optional)</source>
        <translation>mensaje (opcional)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Redo fulfillment ID: {id}</source>
        <translation>ID de preparación en Redo: {id}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+3"/>
        <location filename="../../packstation/ui/views/shipments_panel.py" line="-26"/>
        <source>Post</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipments_panel.py" line="-55"/>
        <source>no tracking</source>
        <translation>sin seguimiento</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipping_form.py" line="-22"/>
        <source>Shipping</source>
        <extracomment>A USPS tracking number&apos;s digits (9400 1118 9922 3197 4284 90): the field shows one whole, in whichever digit is widest in its font. Longer codes (FedEx&apos;s 34 digits) scroll, their start kept in view.</extracomment>
        <translation>Envío</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Scan the shipping label</source>
        <translation>Escanea la etiqueta</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="-10"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+6"/>
        <source>Dummy tracking (testing)</source>
        <translation>Seguimiento de prueba</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+19"/>
        <source>optional message</source>
        <translation>mensaje opcional</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/accessibility.py" line="+3"/>
        <location line="+5"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+2"/>
        <source>Initial status</source>
        <translation>Estado inicial</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The first status of the dummy tracking.</source>
        <translation>El primer estado del seguimiento de prueba.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+1"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/shipping_form.py" line="+15"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Intro</translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>Ship %n item(s)</source>
        <translation>
            <numerusform>Enviar %n artículo</numerusform>
            <numerusform>Enviar %n artículos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing left to pack: shipped on {date}.</source>
        <translation>No queda nada por embalar: enviado el {date}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing left to pack: this order is shipped.</source>
        <translation>No queda nada por embalar: este pedido está enviado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan items to pack them.</source>
        <translation>Escanea los artículos para embalarlos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the shipping label, or turn on dummy tracking.</source>
        <translation>Escanea la etiqueta de envío o activa el seguimiento de prueba.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Enter ships a partial shipment: {left} items stay open.</source>
        <translation>Ctrl+Intro hace un envío parcial: {left} artículos quedan pendientes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everything is packed: Ctrl+Enter ships.</source>
        <translation>Todo embalado: Ctrl+Intro envía.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/station_status.py" line="+54"/>
        <source>Opens the shipments Redo did not take</source>
        <extracomment>IT clicked the start-up notices: say them again. Warehouse mode only: reached or not (a bench on its own never shows it).</extracomment>
        <translation>Abre los envíos que Redo no aceptó</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>PackStation version {version}</source>
        <translation>PackStation, versión {version}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>○ Connecting…</source>
        <translation>○ Conectando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>○ Not set up</source>
        <translation>○ Sin configurar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>○ No API token</source>
        <translation>○ Sin token de API</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>○ Offline</source>
        <translation>○ Sin conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Online</source>
        <translation>● Conectado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>● Ready</source>
        <translation>● Listo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending: {n} (oldest {age})</source>
        <translation>Enviando: {n} (más antiguo: {age})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing waiting to send</source>
        <translation>Nada pendiente de enviar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention: {n}</source>
        <translation>Requiere atención: {n}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>⚠ Start-up notices: {n}</source>
        <translation>⚠ Avisos de inicio: {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Says the start-up notices again</source>
        <translation>Vuelve a mostrar los avisos de inicio</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sound: off (no audio device)</source>
        <translation>Sonido: apagado (sin audio)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station {name}</source>
        <translation>Puesto {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packer {packer}</source>
        <translation>Embala {packer}</translation>
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
        <translation>Artículos por hora del día</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{hour}:00 {n}</source>
        <translation>{hour}:00 {n}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(no badge scanned)</source>
        <translation>(sin tarjeta escaneada)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Packer stats (last 7 days)</source>
        <extracomment>The columns of the packing rate and of the receiving rate (their tooltips say how).</extracomment>
        <translation>Estadísticas de embaladores (últimos 7 días)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Items per active hour</source>
        <translation>Artículos por hora activa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units received</source>
        <translation>Unidades recibidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units received per hour</source>
        <translation>Unidades recibidas por hora</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Items divided by the hours of the day in which this packer packed any.</source>
        <translation>Artículos divididos entre las horas del día en que este empacador embaló alguno.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Units of returns received, divided by the hours of the day in which this packer received a return.</source>
        <translation>Unidades de devoluciones recibidas, divididas entre las horas del día en que este embalador recibió alguna devolución.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No shipments or returns in the last 7 days.</source>
        <translation>Ni envíos ni devoluciones en los últimos 7 días.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="-101"/>
        <location filename="../../packstation/ui/views/history_returns.py" line="+2"/>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="-70"/>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="-17"/>
        <location line="+17"/>
        <location line="+9"/>
        <source>Packer</source>
        <translation>Embalador</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+1"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boxes</source>
        <translation>Cajas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mis-scans</source>
        <translation>Escaneos erróneos</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/attention_dialog.py" line="-74"/>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+8"/>
        <location filename="../../packstation/ui/views/history_returns.py" line="+19"/>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+28"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/stats_dialog.py" line="+44"/>
        <source>Items per hour of the day: {packer}, {day}</source>
        <translation>Artículos por hora del día: {packer}, {day}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/problems.py" line="+66"/>
        <source>Redo refused the API token: it is wrong, expired or revoked. Ask a lead to enter a new token in Settings.</source>
        <translation>Redo rechazó el token de la API: es incorrecto, ha caducado o se ha revocado. Pide a un responsable que ponga un token nuevo en Ajustes.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not found: {what}. Check the number and scan again.</source>
        <translation>No encontrado: {what}. Revisa el número y escanea otra vez.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Redo is busy (too many requests) and asked to wait {wait}.</source>
        <translation>Redo está ocupado (demasiadas peticiones) y pide esperar {wait}.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Redo is busy (too many requests).</source>
        <translation>Redo está ocupado (demasiadas peticiones).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redo refused this: {said}</source>
        <translation>Redo lo rechazó: {said}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Redo server ({host}) did not accept a connection in time.</source>
        <translation>El servidor de Redo ({host}) no aceptó la conexión a tiempo.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The Redo server ({host}) took too long to answer.</source>
        <translation>El servidor de Redo ({host}) tardó demasiado en responder.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection to the Redo server ({host}) broke before it answered.</source>
        <translation>La conexión con el servidor de Redo ({host}) se cortó antes de la respuesta.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The Redo server&apos;s answer could not be understood.</source>
        <translation>No se entendió la respuesta del servidor de Redo.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>No order number was given.</source>
        <translation>No se indicó ningún número de pedido.</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>Not an API address: {url}. It must start with https://</source>
        <translation>No es una dirección de API: {url}. Debe empezar por https://</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API address must not contain a user name or password.</source>
        <translation>La dirección de la API no debe llevar usuario ni contraseña.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The API address must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>La dirección de la API no debe llevar «?» ni «#».</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>The Redo server ({host}) answered with a redirect (HTTP {status}) instead of an answer; check the API address in Settings.</source>
        <translation>El servidor de Redo ({host}) respondió con una redirección (HTTP {status}). Revisa la dirección de la API en Ajustes.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>shipment {id} of order {order}</source>
        <translation>el envío {id} del pedido {order}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU {sku}</source>
        <translation>el SKU {sku}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inventory {id}</source>
        <translation>el inventario {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inventory levels</source>
        <translation>los niveles de inventario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order {ref}</source>
        <translation>el pedido {ref}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The API token lacks the {scope} permission this needs. A Redo admin adds it to the token (or makes a new one with it) and a lead enters it in Settings.</source>
        <translation>Al token de la API le falta el permiso {scope} que esto necesita. Un administrador de Redo se lo añade (o crea uno nuevo con él) y un responsable lo introduce en Ajustes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The API token is not allowed to do this (a permission scope is missing).</source>
        <translation>El token de la API no tiene permiso para esto (falta un permiso).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The Redo server had a problem (error {status}). Try again in a moment.</source>
        <translation>El servidor de Redo tuvo un problema (error {status}). Prueba otra vez en un momento.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request to Redo could not be made, or its answer could not be handled.</source>
        <translation>La petición a Redo falló o no se pudo procesar su respuesta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too many requests are waiting; try again in a moment.</source>
        <translation>Hay demasiadas peticiones en espera. Prueba otra vez en un momento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach the Redo server ({host}). Check the network connection.</source>
        <translation>No se llega al servidor de Redo ({host}). Revisa la red.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection was lost after the shipment was sent; it is not yet known whether Redo recorded it.</source>
        <translation>Se perdió la conexión después de mandar el envío. Aún no se sabe si Redo lo registró.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redo answered, but its answer does not confirm this shipment; the order is checked before it is sent again.</source>
        <translation>Redo respondió, pero su respuesta no confirma este envío; se revisa el pedido antes de volver a enviarlo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check the number and scan again.</source>
        <translation>Revisa el número y escanea otra vez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Redo server&apos;s answer could not be understood (it was not JSON).</source>
        <translation>No se entendió la respuesta del servidor de Redo (no era JSON).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Redo server&apos;s answer could not be understood (unexpected contents).</source>
        <translation>No se entendió la respuesta del servidor de Redo (contenido inesperado).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Redo server&apos;s answer could not be understood (it was encoded twice).</source>
        <translation>No se entendió la respuesta del servidor de Redo (venía codificada dos veces).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Redo server&apos;s answer could not be understood (unknown encoding).</source>
        <translation>No se entendió la respuesta del servidor de Redo (codificación desconocida).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Redo server&apos;s answer could not be understood (it could not be decoded).</source>
        <translation>No se entendió la respuesta del servidor de Redo (no se pudo descodificar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent a reply far too large to be an answer to this request.</source>
        <translation>El servidor mandó una respuesta demasiado grande para esta petición.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Redo says a shipment with this ID already exists, but it is not on this order.</source>
        <translation>Redo dice que ya existe un envío con este ID, pero no está en este pedido.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo has a shipment with this ID, but with other items or quantities than this box: check the order in Redo.</source>
        <translation>Redo tiene un envío con este ID, pero con otros artículos o cantidades que esta caja: revisa el pedido en Redo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An unexpected error occurred; it will be tried again.</source>
        <translation>Hubo un error inesperado; se volverá a intentar.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The estimated delivery date &apos;{text}&apos; is not a date like 2026-12-02.</source>
        <translation>La fecha de entrega estimada «{text}» no es una fecha como 2026-12-02.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The event time &apos;{text}&apos; is not a time like 2026-11-27 14:30.</source>
        <translation>La hora del evento «{text}» no es una hora como 2026-11-27 14:30.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This box cannot be shipped as it stands.</source>
        <translation>Esta caja no se puede enviar tal como está.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Plain http is only allowed to this computer (loopback), not to {host}.</source>
        <translation>http sin cifrar solo se permite hacia este ordenador, no hacia {host}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No secure keyring is available on this computer.</source>
        <translation>No hay ningún llavero seguro en este ordenador.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Something went wrong ({error}).</source>
        <translation>Algo salió mal ({error}).</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>An empty reference cannot be part of an address.</source>
        <translation>No se puede buscar un número de pedido vacío.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This reference contains characters that cannot be sent.</source>
        <translation>Este número de pedido tiene caracteres que no se pueden enviar.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Not sent: the line {line} is no longer part of the order.</source>
        <translation>No enviado: la línea {line} ya no forma parte del pedido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not sent: &apos;{title}&apos; now has {left} left to ship, but this box holds {held} (it was shipped elsewhere meanwhile).</source>
        <translation>No enviado: a «{title}» le quedan {left} por enviar, pero esta caja lleva {held} (mientras tanto se envió por otro lado).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redo does not know order {ref} (404).</source>
        <translation>Redo no conoce el pedido {ref} (404).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This shipment could not be read from the station database, so it will not be sent. It is kept as it was: check the order in Redo, ship it again if it is missing, then discard this entry.</source>
        <translation>Este envío no se pudo leer de la base de datos del puesto, así que no se enviará. Se guarda tal cual: revisa el pedido en Redo, envíalo otra vez si falta y después descarta esta entrada.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Nothing is packed yet: scan at least one item.</source>
        <translation>Aún no hay nada embalado: escanea al menos un artículo.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The carrier is missing: scan the shipping label or turn on dummy tracking.</source>
        <translation>Falta el transportista: escanea la etiqueta o activa el seguimiento de prueba.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tracking number is missing: scan the shipping label or turn on dummy tracking.</source>
        <translation>Falta el número de seguimiento: escanea la etiqueta o activa el seguimiento de prueba.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The keyring backend {name} stores secrets unencrypted; it is not used.</source>
        <translation>El llavero {name} guarda secretos sin cifrar; no se usa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keyring backend {name} is not usable here.</source>
        <translation>El llavero {name} no se puede usar en este ordenador.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The API token could not be read from this computer&apos;s keyring.</source>
        <translation>No se pudo leer el token de la API del llavero de este ordenador.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/steps.py" line="+24"/>
        <source>Starting the demo sandbox…</source>
        <translation>Arrancando el entorno de pruebas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening the station database…</source>
        <translation>Abriendo la base de datos del puesto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building the packing bench…</source>
        <translation>Preparando la mesa de embalaje…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/problems.py" line="-137"/>
        <source>pre-transit</source>
        <translation>preparado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in transit</source>
        <translation>en tránsito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out for delivery</source>
        <translation>en reparto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>available for pickup</source>
        <translation>listo para recoger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return to sender</source>
        <translation>devuelto al remitente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failure</source>
        <translation>fallo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stalled in transit</source>
        <translation>parado en tránsito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delayed</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arriving early</source>
        <translation>llega antes</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/sheets.py" line="+69"/>
        <source>The code {code} cannot be drawn as a barcode ({symbology}).</source>
        <translation>El código {code} no se puede dibujar como código de barras ({symbology}).</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>page {n} of {total}</source>
        <translation>página {n} de {total}</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Return of {order} ({carrier})</source>
        <extracomment>Shipping labels to try the flow with a real scanner: valid test numbers of each carrier (from the tracking-number data&apos;s own test numbers), and USPS IMpb label barcodes (420 + ZIP + number) for demo order #1013, one of them for the wrong ZIP.</extracomment>
        <translation>Devolución de {order} ({carrier})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>return label, {status}</source>
        <translation>etiqueta de devolución, {status}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Packing slip {name}</source>
        <translation>Albarán {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>external ID {id}</source>
        <translation>ID externo {id}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The packer at this bench (print one per packer)</source>
        <translation>El embalador de esta mesa (imprime uno por embalador)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PackStation command barcodes</source>
        <translation>Códigos de comandos de PackStation</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PackStation demo sheet - {store}</source>
        <translation>Hoja de demostración de PackStation - {store}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/language.py" line="+150"/>
        <source>System language</source>
        <extracomment>The languages the window speaks; English is the source language.</extracomment>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes effect at once; the open order stays as it is.</source>
        <translation>Se aplica al momento; el pedido abierto se queda como está.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High visibility</source>
        <translation>Alta visibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger type, stronger contrast, thicker focus outlines.</source>
        <translation>Letra más grande, más contraste, marco de foco más grueso.</translation>
    </message>
    <message>
        <location filename="../../packstation/app.py" line="+102"/>
        <source>PackStation hit an unexpected error. It was written to the log; nothing packed or shipped is lost. If it happens again, tell your lead.</source>
        <extracomment>The error box on screen (one at a time: an error in a loop must not stack boxes).</extracomment>
        <translation>PackStation tuvo un error inesperado. Quedó anotado en el registro; no se ha perdido nada embalado ni enviado. Si vuelve a pasar, avisa a tu responsable.</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>PackStation could not start.</source>
        <translation>PackStation no pudo arrancar.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/boxes.py" line="+71"/>
        <source>This box is empty: scan items into it first.</source>
        <extracomment>Where the outcome of a lead&apos;s reprint is said: the bench&apos;s banner, or the dialog the lead asked from (the History), which would otherwise hide it. The boxes of the open order already closed at this bench, in order. A slip that did not print, for &quot;print again&quot; (F6).</extracomment>
        <translation>Esta caja está vacía: primero escanea los artículos que van dentro.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scan this box&apos;s shipping label first (or PS-DUMMY for dummy tracking).</source>
        <translation>Primero escanea la etiqueta de envío de esta caja (o PS-DUMMY para seguimiento de prueba).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Label {code} is already on an earlier box: scan this box&apos;s own label.</source>
        <translation>La etiqueta {code} ya está en una caja anterior: escanea la etiqueta de esta caja.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Box {n} closed: {items}. Box {next} started: {left} left to pack.</source>
        <translation>Caja {n} cerrada: {items}. Caja {next} empezada: quedan {left} por embalar.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>That shipment&apos;s slip cannot be printed here.</source>
        <translation>El albarán de ese envío no se puede imprimir aquí.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="+217"/>
        <source>No printer is chosen: pick one in Settings, Printing.</source>
        <translation>No hay impresora elegida: elige una en Ajustes, Impresión.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/boxes.py" line="+3"/>
        <source>Printing the slip of {ref}…</source>
        <translation>Imprimiendo el albarán de {ref}…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No slip is waiting to be printed again.</source>
        <translation>No hay ningún albarán pendiente de volver a imprimir.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The slip of {ref} box {box} was printed ({where}).</source>
        <translation>Se imprimió el albarán de {ref}, caja {box} ({where}).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Press F6 to print it again.</source>
        <translation>Pulsa F6 para imprimirlo otra vez.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/lines_model.py" line="+65"/>
        <source>Lot {lots}</source>
        <extracomment>The standard look&apos;s colours (``RowColours``&apos; defaults).</extracomment>
        <translation>Lote {lots}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S/N {serials}</source>
        <translation>N/S {serials}</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>no SKU: select, then +</source>
        <translation>sin SKU: elige y pulsa +</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/printer.py" line="+123"/>
        <location filename="../../packstation/ui/views/printing_settings.py" line="+50"/>
        <location line="+75"/>
        <source>PDF into {folder}</source>
        <translation>PDF en {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no printer</source>
        <translation>sin impresora</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+8"/>
        <source>The folder {folder} cannot be used for printing ({reason}).</source>
        <extracomment>Open flags of a document&apos;s file: always a new file, never an existing one or a link. ``name-2.pdf`` ... ``name-50.pdf``, then names nobody can guess: a folder full of planted names cannot stop the document.</extracomment>
        <translation>La carpeta {folder} no sirve para imprimir ({reason}).</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>No printer is chosen: pick one in Settings.</source>
        <translation>No hay impresora elegida: elige una en Ajustes.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{where} did not take the print job.</source>
        <translation>{where} no aceptó el trabajo de impresión.</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>no free file name</source>
        <translation>no queda ningún nombre de archivo libre</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The printer {name} is not installed on this computer.</source>
        <translation>La impresora {name} no está instalada en este ordenador.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{where} cannot be printed to.</source>
        <translation>No se puede imprimir en {where}.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/bench.py" line="-204"/>
        <location filename="../../packstation/ui/words/returns.py" line="+320"/>
        <source>{error} while printing.</source>
        <translation>{error} al imprimir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The slip for {ref} box {box} did not print: {reason}</source>
        <translation>El albarán de {ref}, caja {box}, no se imprimió: {reason}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/printing_settings.py" line="-85"/>
        <source>Printing</source>
        <extracomment>The printer combo&apos;s item that asks for a folder (its data is this marker).</extracomment>
        <translation>Impresión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No printer</source>
        <translation>Sin impresora</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} (not installed)</source>
        <translation>{name} (no instalada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF into a folder…</source>
        <translation>PDF en una carpeta…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>4 × 6 in (label printer)</source>
        <translation>4 × 6 pulg. (impresora de etiquetas)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When each box ships</source>
        <translation>Al enviar cada caja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When an order is opened</source>
        <translation>Al abrir un pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only when asked (History, reprint)</source>
        <translation>Solo cuando se pida (Historial, reimprimir)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>printed on slips (default: the store ID)</source>
        <translation>en los albaranes (por defecto, el ID de tienda)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page size</source>
        <translation>Tamaño de página</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print slips</source>
        <translation>Imprimir albaranes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Folder for packing slips</source>
        <translation>Carpeta para los albaranes</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/main_window.py" line="-38"/>
        <source>Importing {file}: {done} of {total}</source>
        <translation>Importando {file}: {done} de {total}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/slips.py" line="+66"/>
        <source>Neither {ref} nor its Redo order ID {id} can be printed as a barcode.</source>
        <extracomment>Lots, expiry dates and serials of the units, one text per scan that named them. How many boxes the order ships in; None while more may follow (&quot;Box 2&quot;). The order&apos;s ID in Redo: the barcode carries it when ``order_ref`` cannot.</extracomment>
        <translation>Ni {ref} ni su ID de pedido de Redo {id} se pueden imprimir como código de barras.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Box {box}</source>
        <translation>Caja {box}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Box {box} of {boxes}</source>
        <translation>Caja {box} de {boxes}</translation>
    </message>
    <message numerus="yes">
        <location line="+121"/>
        <location filename="../../packstation/ui/words/returns.py" line="-18"/>
        <source>+%n more</source>
        <extracomment>Bidi controls (U+202A-202E, U+2066-2069, U+200E-200F, U+061C): on a slip they reorder what follows (&quot;qty 100&quot; printed as &quot;001 x&quot;); nothing on a slip needs them. Tags on a slip at most: the rest are counted, never lost below the page.</extracomment>
        <translation>
            <numerusform>+%n más</numerusform>
            <numerusform>+%n más</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lot {lot}</source>
        <translation>Lote {lot}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exp. {date}</source>
        <translation>cad. {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S/N {serial}</source>
        <translation>N/S {serial}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printing/slip_paint.py" line="-8"/>
        <source>Packing slip</source>
        <translation>Albarán</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../packstation/ui/words/returns.py" line="-47"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship via</source>
        <translation>Envío por</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Packed by</source>
        <translation>Embalado por</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+34"/>
        <location filename="../../packstation/ui/words/returns.py" line="+14"/>
        <source>Item</source>
        <translation>Artículo</translation>
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
        <translation>Cant.</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n item(s) in this box</source>
        <translation>
            <numerusform>%n artículo en esta caja</numerusform>
            <numerusform>%n artículos en esta caja</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/tracking_details.py" line="+97"/>
        <source>Advanced: delivery date, time, place</source>
        <extracomment>QLineEdit&apos;s own space either side of its text (``horizontalMargin`` in qlineedit.cpp), and its cursor&apos;s width.</extracomment>
        <translation>Avanzado: fecha de entrega, hora, lugar</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD HH:MM (empty: now)</source>
        <translation>AAAA-MM-DD HH:MM (vacío: ahora)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city</source>
        <translation>ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state or province</source>
        <translation>estado o provincia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>country (US)</source>
        <translation>país (US)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>postal code</source>
        <translation>código postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated delivery</source>
        <translation>Entrega prevista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event time</source>
        <translation>Hora del evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <comment>part of an address</comment>
        <translation>Estado o provincia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/identity.py" line="+68"/>
        <source>A lead&apos;s badge</source>
        <translation>Tarjeta de un responsable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who is doing this?</source>
        <translation>¿Quién lo hace?</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/keyboard.py" line="+63"/>
        <source>A window is open: scans are not taken. Close it (Esc), then scan {code} again.</source>
        <translation>Hay una ventana abierta: no se aceptan escaneos. Ciérrala (Esc) y escanea {code} otra vez.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/scan_note.py" line="+26"/>
        <source>Scan {code} not taken: close this window first (Esc), then scan again.</source>
        <translation>Escaneo {code} no aceptado: primero cierra esta ventana (Esc) y escanea otra vez.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/taught_dialog.py" line="-11"/>
        <source>Taught barcodes</source>
        <translation>Códigos asignados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search by barcode, SKU or person (a scan finds it)</source>
        <translation>Busca por código de barras, SKU o persona (un escaneo también lo encuentra)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Barcode</source>
        <translation>Código de barras</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Packs SKU</source>
        <translation>Embala el SKU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taught by</source>
        <translation>Asignado por</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Forget this barcode…</source>
        <translation>Olvidar este código…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Forget it</source>
        <translation>Olvidarlo</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n taught barcode(s)</source>
        <translation>
            <numerusform>%n código asignado</numerusform>
            <numerusform>%n códigos asignados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Searching for the scanned barcode {code}.</source>
        <translation>Buscando el código escaneado {code}.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Nothing was forgotten.</source>
        <translation>No se olvidó nada.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{code} is forgotten (by {who}).</source>
        <translation>{code} se ha olvidado (por {who}).</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Forget this barcode?</source>
        <translation>¿Olvidar este código?</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>{code} will no longer pack anything at this station.</source>
        <translation>{code} ya no embalará nada en este puesto.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{code} was not a taught barcode.</source>
        <translation>{code} no era un código asignado.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/starting.py" line="-133"/>
        <source>{source}, lines {first} to {last}</source>
        <translation>{source}, líneas {first} a {last}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}, line {line}</source>
        <translation>{source}, línea {line}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>a printer name cannot hold control characters</source>
        <translation>un nombre de impresora no puede llevar caracteres de control</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;pdf:&apos; needs a folder, e.g. pdf:C:\Slips</source>
        <translation>&apos;pdf:&apos; necesita una carpeta, p. ej. pdf:C:\Slips</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{value} cannot be read ({reason})</source>
        <translation>{value} no se puede leer ({reason})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} is nested too deeply to be settings</source>
        <translation>{value} tiene demasiados niveles anidados para ser un ajuste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} opens a value that is still open at the end of the file</source>
        <translation>{value} abre un valor que sigue abierto al final del archivo</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>not read, as %n line(s) before them could not be</source>
        <translation>
            <numerusform>no leídas, porque %n línea anterior no se pudo leer</numerusform>
            <numerusform>no leídas, porque %n líneas anteriores no se pudieron leer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{where}: {key} = {value} is not valid ({reason}); using the default {default}.</source>
        <translation>{where}: {key} = {value} no es válido ({reason}); se usa el valor por defecto {default}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{where}: locked = {value} is not a list of setting names; only the names in it are locked.</source>
        <translation>{where}: locked = {value} no es una lista de nombres de ajustes; solo se bloquean los nombres que contiene.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: locked = {value} is not a list of setting names; no setting is locked.</source>
        <translation>{where}: locked = {value} no es una lista de nombres de ajustes; no se bloquea ningún ajuste.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>{value} opens a value that is not closed before line {line}</source>
        <translation>{value} abre un valor que no se cierra antes de la línea {line}</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>The warehouse address carries a password: keep it in the keyring instead (packstation warehouse password)</source>
        <translation>La dirección del almacén lleva una contraseña: guárdala en el llavero (packstation warehouse password)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The warehouse address carries a password= parameter: keep the password in the keyring instead (packstation warehouse password)</source>
        <translation>La dirección del almacén lleva un parámetro password=: guarda la contraseña en el llavero (packstation warehouse password)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The warehouse {host} is not this computer, so the connection must be encrypted: leave sslmode out, or use require, verify-ca or verify-full</source>
        <translation>El almacén {host} no es este ordenador, así que la conexión debe ir cifrada: quita sslmode o usa require, verify-ca o verify-full</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a PostgreSQL address: it must look like postgresql://user@host/database</source>
        <translation>No es una dirección de PostgreSQL: debe tener la forma postgresql://usuario@servidor/basededatos</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{where}: {what}; line {first} is ignored, so the settings it names are not locked.</source>
        <translation>{where}: {what}; se ignora la línea {first}, así que los ajustes que nombra no quedan bloqueados.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: {what}; lines {first} to {last} are ignored, so the settings they name are not locked.</source>
        <translation>{where}: {what}; se ignoran las líneas {first} a {last}, así que los ajustes que nombran no quedan bloqueados.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: {what}; line {first} is ignored.</source>
        <translation>{where}: {what}; se ignora la línea {first}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: {what}; lines {first} to {last} are ignored.</source>
        <translation>{where}: {what}; se ignoran las líneas {first} a {last}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The command line sets {key} = {value}, which IT locked in {file}; using {default}.</source>
        <translation>La línea de comandos establece {key} = {value}, que TI bloqueó en {file}; se usa {default}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The environment sets {key} = {value}, which IT locked in {file}; using {default}.</source>
        <translation>El entorno establece {key} = {value}, que TI bloqueó en {file}; se usa {default}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where}: cannot be read ({reason}); using the defaults.</source>
        <translation>{where}: no se puede leer ({reason}); se usan los valores por defecto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: nested too deeply to be settings; using the defaults.</source>
        <translation>{where}: tiene demasiados niveles anidados para ser ajustes; se usan los valores por defecto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: not a JSON object of settings; using the defaults.</source>
        <translation>{where}: no es un objeto JSON de ajustes; se usan los valores por defecto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: too many lines cannot be read; using safe defaults.</source>
        <translation>{where}: hay demasiadas líneas que no se pueden leer; se usan valores por defecto seguros.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo uses its own sandbox store on this computer: nothing goes to Redo.</source>
        <translation>La demo usa su propia tienda de prueba en este equipo: nada va a Redo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked by IT in {file}.</source>
        <translation>Bloqueado por TI en {file}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A second PackStation started on this computer cannot reach this window (another program holds its name): it says so and closes instead. Tell IT if this repeats.</source>
        <translation>Un segundo PackStation abierto en este ordenador no puede llegar a esta ventana (otro programa tiene su nombre): lo dirá y se cerrará. Avisa a IT si se repite.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n waiting shipment(s) could not be read from the station database; they are kept and listed under Needs attention.</source>
        <translation>
            <numerusform>%n envío en espera no se pudo leer de la base de datos del puesto; se guarda y aparece en «Requiere atención».</numerusform>
            <numerusform>%n envíos en espera no se pudieron leer de la base de datos del puesto; se guardan y aparecen en «Requiere atención».</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The station database was damaged: it was moved aside to {name} and a new one was started. Shipments not yet delivered that were carried over: {carried}. The shipments waiting in it could not be read, so how many were lost is not known: check in Redo the orders packed here before packing them again.</source>
        <translation>La base de datos del puesto estaba dañada: se apartó con el nombre {name} y se empezó una nueva. Envíos aún no entregados que se han pasado: {carried}. Los envíos pendientes que contenía no se pudieron leer, así que no se sabe cuántos se perdieron: revisa en Redo los pedidos embalados aquí antes de volver a embalarlos.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The station database was damaged: it was moved aside to {name} and a new one was started. Shipments not yet delivered that were carried over: {carried}. %n waiting shipment(s) in it could not be read: check in Redo the orders packed here before packing them again.</source>
        <translation>
            <numerusform>La base de datos del puesto estaba dañada: se apartó con el nombre {name} y se empezó una nueva. Envíos aún no entregados que se han pasado: {carried}. %n envío pendiente no se pudo leer: revisa en Redo los pedidos embalados aquí antes de volver a embalarlos.</numerusform>
            <numerusform>La base de datos del puesto estaba dañada: se apartó con el nombre {name} y se empezó una nueva. Envíos aún no entregados que se han pasado: {carried}. %n envíos pendientes no se pudieron leer: revisa en Redo los pedidos embalados aquí antes de volver a embalarlos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The station database was damaged: it was moved aside to {name} and a new one was started. Shipments not yet delivered that were carried over: %n.</source>
        <translation>
            <numerusform>La base de datos del puesto estaba dañada: se apartó con el nombre {name} y se empezó una nueva. Envíos aún no entregados que se pasaron a la nueva: %n.</numerusform>
            <numerusform>La base de datos del puesto estaba dañada: se apartó con el nombre {name} y se empezó una nueva. Envíos aún no entregados que se pasaron a la nueva: %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The station database was damaged: it was moved aside to {name} and a new one was started. No shipment waiting to be sent was found in it.</source>
        <translation>La base de datos del puesto estaba dañada: se apartó con el nombre {name} y se empezó una nueva. No había en ella ningún envío pendiente.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file {path} is not a PackStation station database (it belongs to another program), so PackStation did not change or use it. Move that file away, or start PackStation with another data folder.</source>
        <translation>El archivo {path} no es una base de datos de puesto de PackStation (es de otro programa), así que PackStation no lo ha cambiado ni usado. Mueve ese archivo a otro sitio o inicia PackStation con otra carpeta de datos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The station database {path} was written by a newer PackStation (schema {schema}); update this PackStation.</source>
        <translation>La base de datos del puesto {path} la escribió un PackStation más nuevo (esquema {schema}); actualiza este PackStation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station database {path} cannot be opened ({error}).</source>
        <translation>No se puede abrir la base de datos del puesto {path} ({error}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What went wrong was written to the log ({error}).</source>
        <translation>Lo que falló quedó anotado en el registro ({error}).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/actions.py" line="-232"/>
        <source>Warehouse…</source>
        <translation>Almacén…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="-39"/>
        <source>Warehouse: {where}</source>
        <extracomment>``as_lead(action, then)``: run ``then(lead)`` once a lead is known for ``action``.</extracomment>
        <translation>Almacén: {where}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+131"/>
        <source>Connecting to the warehouse…</source>
        <translation>Conectando con el almacén…</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+23"/>
        <source>Benches</source>
        <translation>Mesas</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+27"/>
        <location filename="../../packstation/ui/words/returns.py" line="-13"/>
        <source>Bench</source>
        <translation>Mesa</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Open order</source>
        <translation>Pedido abierto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items
today</source>
        <translation>Artículos
hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items
per hour</source>
        <translation>Artículos
por hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbox
waiting</source>
        <translation>Envíos
en espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbox
failed</source>
        <translation>Envíos
con error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last seen</source>
        <translation>Última señal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today per packer</source>
        <translation>Hoy por embalador</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_dialog.py" line="+2"/>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+4"/>
        <source>Shipments</source>
        <translation>Envíos</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+5"/>
        <source>Claimed orders</source>
        <translation>Pedidos tomados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your name</source>
        <extracomment>A release waiting for a lead&apos;s badge (at a bench only, which gives the sound).</extracomment>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead&apos;s name, for releasing a claim</source>
        <translation>Nombre del responsable, para liberar un pedido tomado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Releasing as:</source>
        <translation>Liberar como:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Release this claim?</source>
        <translation>¿Liberar este pedido?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Release</source>
        <translation>Liberar</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/floor_tables.py" line="+138"/>
        <source>Release…</source>
        <translation>Liberar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Release order {order}</source>
        <translation>Liberar el pedido {order}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+113"/>
        <source>Release order {order} from {bench} ({packer})? {bench} can no longer ship it.</source>
        <translation>¿Liberar el pedido {order} de {bench} ({packer})? {bench} ya no podrá enviarlo.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/warehouse.py" line="+143"/>
        <source>Releasing a claim</source>
        <translation>Liberar un pedido tomado</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="-52"/>
        <source>● Live: {where}</source>
        <translation>● En directo: {where}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>⚠ Warehouse offline: {where} cannot be reached. Trying again…</source>
        <translation>⚠ Almacén sin conexión: no se puede llegar a {where}. Reintentando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown: what was read at {time}.</source>
        <translation>Se muestra lo leído a las {time}.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/warehouse.py" line="+17"/>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>hace %n segundo</numerusform>
            <numerusform>hace %n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>hace %n minuto</numerusform>
            <numerusform>hace %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-6"/>
        <source>✖ Gone for %n min</source>
        <translation>
            <numerusform>✖ Sin señal hace %n min</numerusform>
            <numerusform>✖ Sin señal hace %n min</numerusform>
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
        <translation>El pedido {ref} se está embalando en {who} desde las {since}. Déjalo allí, o que un responsable escanee PS-TAKEOVER para traerlo aquí.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The return of {order} is being received at {who} since {since}. Put this parcel with theirs, or ask your lead.</source>
        <translation>La devolución de {order} se está recibiendo en {who} desde las {since}. Deja este paquete con los suyos o pregunta a tu responsable.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order {ref} is now packed at {bench}. It is closed here: take the items out of the box and hand them over.</source>
        <translation>El pedido {ref} ahora se embala en {bench}. Aquí queda cerrado: saca los artículos de la caja y entrégalos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order {ref} is no longer this bench&apos;s (a lead released it, or its claim ran out while this bench was away). It is closed here: take the items out of the box.</source>
        <translation>El pedido {ref} ya no es de esta mesa (un responsable lo liberó, o su reserva caducó mientras esta mesa no estaba conectada). Aquí queda cerrado: saca los artículos de la caja.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{lead} took order {ref} over to this bench.</source>
        <translation>{lead} trajo el pedido {ref} a esta mesa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{lead} took order {ref} over from {who}.</source>
        <translation>{lead} trajo el pedido {ref} desde {who}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Taking over an order</source>
        <translation>Traer un pedido de otra mesa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to take over: scan the slip of the order open at another bench first.</source>
        <translation>No hay nada que traer: primero escanea el albarán del pedido abierto en otra mesa.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order {ref} is also open at {who}: it was opened here while the warehouse was offline. Tell your lead before shipping it.</source>
        <translation>El pedido {ref} también está abierto en {who}: se abrió aquí mientras el almacén estaba sin conexión. Avisa a tu responsable antes de enviarlo.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The warehouse was upgraded by a newer PackStation: this bench cannot check whether another bench packs this order.</source>
        <translation>El almacén fue actualizado por un PackStation más nuevo: esta mesa no puede comprobar si otra mesa embala este pedido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The warehouse is not set up yet (packstation warehouse init): this bench cannot check whether another bench packs this order.</source>
        <translation>El almacén aún no está configurado (packstation warehouse init): esta mesa no puede comprobar si otra mesa embala este pedido.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warehouse offline: make sure no other bench packs this order.</source>
        <translation>Almacén sin conexión: asegúrate de que ninguna otra mesa embale este pedido.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>◆ Warehouse</source>
        <translation>◆ Almacén</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◇ Warehouse: connecting…</source>
        <translation>◇ Almacén: conectando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◇ Warehouse: not usable</source>
        <translation>◇ Almacén: no se puede usar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◇ Warehouse offline</source>
        <translation>◇ Almacén sin conexión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The warehouse cannot be reached: {reason}</source>
        <translation>No se puede llegar al almacén: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claims, the catalog and labels are shared with the other benches.</source>
        <translation>Los pedidos tomados, el catálogo y las etiquetas se comparten con las demás mesas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Who is releasing it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. A claim is released by a person, not by the station.</source>
        <translation>¿Quién lo libera? Escanea tu tarjeta (PS-USER-nombre) ahora, o Esc / PS-CANCEL. Un pedido tomado lo libera una persona, no la estación.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✖ Gone since {when}</source>
        <translation>✖ Sin señal desde {when}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/views/floor_tables.py" line="-15"/>
        <source>{time} (%n min)</source>
        <translation>
            <numerusform>{time} (%n min)</numerusform>
            <numerusform>{time} (%n min)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_view.py" line="+30"/>
        <source>{action} is for a lead, and no lead is named: IT names them with “packstation warehouse lead” or in the machine config.</source>
        <translation>{action} es para un responsable, y no hay ninguno nombrado: TI los nombra con «packstation warehouse lead» o en la configuración del equipo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{action} is for a lead: type your name beside “Releasing as” first.</source>
        <translation>{action} es para un responsable: escribe primero tu nombre junto a «Liberar como».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is not a lead here. {action} needs a lead.</source>
        <translation>{name} no es responsable aquí. {action} necesita un responsable.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+40"/>
        <source>Nothing was released.</source>
        <translation>No se liberó nada.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Order {order} released from {bench} by {lead}.</source>
        <translation>{lead} liberó el pedido {order} de {bench}.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Order {order} was no longer claimed.</source>
        <translation>El pedido {order} ya no estaba tomado.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order {order} was not released: the warehouse cannot be reached.</source>
        <translation>El pedido {order} no se liberó: no se puede llegar al almacén.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/warehouse_note.py" line="+24"/>
        <source>None: this bench works on its own (IT joins it to one with warehouse_url).</source>
        <translation>Ninguno: esta mesa trabaja sola (IT la une a un almacén con warehouse_url).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/bench/returns.py" line="-32"/>
        <source>Unreadable scan: scan it again.</source>
        <translation>Escaneo ilegible: escanéalo otra vez.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Undone.</source>
        <translation>Deshecho.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Clear this return?</source>
        <translation>¿Vaciar esta devolución?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the return</source>
        <translation>Vaciar la devolución</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Keep receiving</source>
        <translation>Seguir recibiendo</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Process with units missing?</source>
        <translation>¿Procesar aunque falten unidades?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Process the return</source>
        <translation>Procesar la devolución</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/returns.py" line="+75"/>
        <source>The return could not be found now.</source>
        <translation>Ahora no se pudo encontrar la devolución.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/returns_page.py" line="-20"/>
        <source>or the original order&apos;s slip (#1001), or the return&apos;s ID. PS-PACKING: back to packing.</source>
        <translation>o el albarán del pedido original (#1001), o el ID de la devolución. PS-PACKING: volver a embalar.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../packstation/ui/words/returns.py" line="-62"/>
        <source>Expected</source>
        <translation>Esperados</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_returns.py" line="-18"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+1"/>
        <location filename="../../packstation/ui/words/returns.py" line="+0"/>
        <source>Sellable</source>
        <translation>Vendibles</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../packstation/ui/views/returns_page.py" line="+1"/>
        <location filename="../../packstation/ui/words/returns.py" line="+0"/>
        <source>Damaged</source>
        <translation>Dañados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undeclared</source>
        <translation>No declarados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>return job ID</source>
        <translation>ID del trabajo de devolución</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/returns_page.py" line="+1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s comment</source>
        <translation>Comentario del cliente</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Process the return (Ctrl+Enter)</source>
        <translation>Procesar la devolución (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Return of {order}: {received} of {expected} received</source>
        <translation>Devolución de {order}: {received} de {expected} recibidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exchange</source>
        <translation>cambio</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not on this return: {codes}</source>
        <translation>Fuera de esta devolución: {codes}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/returns.py" line="-241"/>
        <source>Torn or broken</source>
        <translation>Roto o rasgado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stained or dirty</source>
        <translation>Manchado o sucio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worn or used</source>
        <translation>Gastado o usado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing parts</source>
        <translation>Faltan piezas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong item</source>
        <translation>Artículo equivocado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packaging damaged</source>
        <translation>Embalaje dañado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wet</source>
        <translation>Mojado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags removed</source>
        <translation>Sin etiquetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Receiving returns. Scan the return parcel&apos;s label (or its order&apos;s slip). PS-PACKING goes back to packing.</source>
        <translation>Recibiendo devoluciones. Escanea la etiqueta del paquete de devolución (o el albarán de su pedido). PS-PACKING vuelve a embalar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Packing orders again. Scan a packing slip.</source>
        <translation>De nuevo embalando pedidos. Escanea un albarán.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the return parcel&apos;s label</source>
        <translation>Escanea la etiqueta del paquete de devolución</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finish or clear the order on the bench first (PS-SHIP or PS-CLEAR).</source>
        <translation>Primero termina o vacía el pedido de la mesa (PS-SHIP o PS-CLEAR).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return of {order} is open: process it (Ctrl+Enter) or clear it (PS-CLEAR) first.</source>
        <translation>La devolución de {order} está abierta: primero procésala (Ctrl+Intro) o vacíala (PS-CLEAR).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking for the return of {code}…</source>
        <translation>Buscando la devolución de {code}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No open return with this label, order or ID: {code}. Put the parcel aside for your lead.</source>
        <translation>Ninguna devolución abierta con esta etiqueta, pedido o ID: {code}. Aparta el paquete para tu responsable.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The return of {order} is already {status} in Redo: nothing is sent again.</source>
        <translation>La devolución de {order} ya tiene el estado {status} en Redo: no se vuelve a enviar nada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order {order} has {n} open returns: scan the parcel&apos;s label instead.</source>
        <translation>El pedido {order} tiene {n} devoluciones abiertas: escanea la etiqueta del paquete.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Return of {order}: %n item(s) expected. Scan each item.</source>
        <translation>
            <numerusform>Devolución de {order}: se espera %n artículo. Escanéalo.</numerusform>
            <numerusform>Devolución de {order}: se esperan %n artículos. Escanea cada uno.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+151"/>
        <source>The customer asked for an exchange.</source>
        <translation>El cliente ha pedido un cambio.</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Received {title}: {n} of {m}.</source>
        <translation>Recibido {title}: {n} de {m}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Damaged: scan a reason (1 to 9) or type a note, then Enter.</source>
        <translation>Dañado: escanea un motivo (1 a 9) o escribe una nota y pulsa Intro.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All {m} of {title} are received already. Keep this one apart.</source>
        <translation>Ya se recibieron los {m} de {title}. Deja esta unidad aparte.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not on this return: {code}. Put it aside: it is recorded as an undeclared item.</source>
        <translation>No está en esta devolución: {code}. Apártalo: se registra como artículo no declarado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The next item scanned is received as damaged.</source>
        <translation>El próximo artículo escaneado se recibe como dañado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: {note}.</source>
        <translation>Nota: {note}.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n unit(s) did not arrive. Process the return anyway (Enter or PS-CONFIRM)? An item with nothing received is rejected; one partly received is credited for what came. Esc: go on receiving.</source>
        <translation>
            <numerusform>No llegó %n unidad. ¿Procesar la devolución igualmente (Intro o PS-CONFIRM)? Un artículo del que no llegó nada se rechaza; uno que llegó en parte se abona por lo recibido. Esc: seguir recibiendo.</numerusform>
            <numerusform>No llegaron %n unidades. ¿Procesar la devolución igualmente (Intro o PS-CONFIRM)? Un artículo del que no llegó nada se rechaza; uno que llegó en parte se abona por lo recibido. Esc: seguir recibiendo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear the return of {order}? What was received here is forgotten.</source>
        <translation>¿Vaciar la devolución de {order}? Lo recibido aquí se olvida.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return of {order} is cleared: nothing was sent.</source>
        <translation>Devolución de {order} vaciada: no se ha enviado nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Return of {order} done: sending it to Redo. Scan the next parcel.</source>
        <translation>Devolución de {order} terminada: enviándola a Redo. Escanea el siguiente paquete.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Redo is processing the return of {order}.</source>
        <translation>Redo está procesando la devolución de {order}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo prepared the return of {order}; it processes it once everything is ready.</source>
        <translation>Redo ha preparado la devolución de {order}; la procesará cuando todo esté listo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Redo did not take the return of {order}: see Needs attention.</source>
        <translation>Redo no aceptó la devolución de {order}: mira «Requiere atención».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Return of {order} · received {when}</source>
        <translation>Devolución de {order} · recibida {when}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Processed in Redo; the comment was not taken: {reason}</source>
        <translation>Procesada en Redo; el comentario no se aceptó: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo did not take it: {reason}</source>
        <translation>Redo no la aceptó: {reason}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Return receipt</source>
        <translation>Recibo de devolución</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Return of {order}</source>
        <translation>Devolución de {order}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_returns.py" line="-56"/>
        <location filename="../../packstation/ui/words/returns.py" line="+8"/>
        <source>Return ID</source>
        <translation>ID de la devolución</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/returns.py" line="+5"/>
        <source>Received by</source>
        <translation>Recibido por</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Damaged: {notes}</source>
        <translation>Daños: {notes}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/views/history_returns.py" line="+4"/>
        <location filename="../../packstation/ui/words/returns.py" line="+4"/>
        <source>Not received</source>
        <translation>No recibido</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/returns.py" line="+5"/>
        <source>{item}: {missing} of {expected} not received</source>
        <translation>{item}: {missing} de {expected} sin recibir</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every unit expected arrived.</source>
        <translation>Llegaron todas las unidades esperadas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not on the return (undeclared, put aside)</source>
        <translation>No están en la devolución (no declarados, apartados)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Units received: {received} of {expected}</source>
        <translation>Unidades recibidas: {received} de {expected}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return ID {id} cannot be printed as a barcode.</source>
        <translation>El ID de devolución {id} no se puede imprimir como código de barras.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The receipt for the return of {order} did not print: {reason}</source>
        <translation>El recibo de la devolución de {order} no se imprimió: {reason}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/words/history.py" line="+15"/>
        <source>held</source>
        <translation>retenida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>processed, comment waiting</source>
        <translation>procesada, comentario pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>processed</source>
        <translation>procesada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting to be sent</source>
        <translation>pendiente de envío</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Held: {why}</source>
        <translation>Retenida: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processed in Redo; the comment recording what arrived is still to be sent.</source>
        <translation>Procesada en Redo; el comentario con lo que llegó aún está por enviar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processed in Redo.</source>
        <translation>Procesada en Redo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be sent to Redo.</source>
        <translation>Pendiente de envío a Redo.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n devolución</numerusform>
            <numerusform>%n devoluciones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a return first.</source>
        <translation>Primero elige una devolución.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return of {order} was received before receipts were kept for printing again: its receipt cannot be printed here.</source>
        <translation>La devolución de {order} se recibió antes de que se guardaran los recibos para reimprimirlos: su recibo no se puede imprimir aquí.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printing the receipt of the return of {order}…</source>
        <translation>Imprimiendo el recibo de la devolución de {order}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The receipt of the return of {order} was printed.</source>
        <translation>Se imprimió el recibo de la devolución de {order}.</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../packstation/ui/views/lines_model.py" line="-66"/>
        <source>Item</source>
        <extracomment>Rows showing each image URL: an image that arrives repaints only its rows.</extracomment>
        <translation>Artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packed / to pack</source>
        <translation>Embalado / total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>nothing left</source>
        <translation>no queda nada</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{title}: already shipped, nothing left</source>
        <translation>{title}: ya enviado, no queda nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complete</source>
        <translation>completo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title}: {packed} of {remaining} packed, {state}</source>
        <translation>{title}: {packed} de {remaining} embalados, {state}</translation>
    </message>
</context>
</TS>
