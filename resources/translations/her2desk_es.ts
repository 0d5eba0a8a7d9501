<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AuditLog</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>Select a row to see what changed.</source>
        <translation>Seleccione una fila para ver qué cambió.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>accession</source>
        <translation>n.º de laboratorio</translation>
    </message>
    <message>
        <source>any part of a value, e.g. a user name or a reason</source>
        <translation>cualquier parte de un valor, p. ej., un nombre de usuario o un motivo</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Acción:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>&amp;Dates (local, inclusive):</source>
        <translation>&amp;Fechas (locales, inclusive):</translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation>Ca&amp;so:</translation>
    </message>
    <message>
        <source>&amp;Contains:</source>
        <translation>&amp;Contiene:</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>A&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>Si&amp;guiente</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Problema con la base de datos</translation>
    </message>
    <message>
        <source>The audit log could not be read: {reason}</source>
        <translation>No se pudo leer el registro de auditoría: {reason}</translation>
    </message>
    <message>
        <source>Rows {first}–{last} of {total}</source>
        <translation>Filas {first}–{last} de {total}</translation>
    </message>
    <message>
        <source>No audit rows match these filters.</source>
        <translation>Ninguna fila de auditoría coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Exportando a {file}…</translation>
    </message>
    <message>
        <source>Exported {count} rows to {file}</source>
        <translation>{count} filas exportadas a {file}</translation>
    </message>
    <message>
        <source>Export failed; nothing was written</source>
        <translation>La exportación falló; no se escribió nada</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>signed out: amend it to change it</source>
        <translation>firmado: modifíquelo para cambiarlo</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Entered, awaiting sign-out</source>
        <translation>Registrado, pendiente de firma</translation>
    </message>
    <message>
        <source>Signed out (read-only)</source>
        <translation>Firmado (solo lectura)</translation>
    </message>
    <message>
        <source>Amended, awaiting sign-out</source>
        <translation>Modificado, pendiente de firma</translation>
    </message>
    <message>
        <source>empty: the next number ({pattern}) on save</source>
        <translation>vacío: el número siguiente ({pattern}) al guardar</translation>
    </message>
    <message>
        <source>The accession of a stored case cannot be changed</source>
        <translation>El n.º de laboratorio de un caso guardado no se puede cambiar</translation>
    </message>
    <message>
        <source>New case, not saved yet</source>
        <translation>Caso nuevo, todavía sin guardar</translation>
    </message>
    <message>
        <source>The results changed since they were adjudicated {status}: saving voids the adjudication, and a pathologist must adjudicate the new results again.</source>
        <translation>Los resultados han cambiado desde que se resolvieron como {status}: al guardar se anula la resolución, y un patólogo/a tiene que resolver de nuevo los resultados nuevos.</translation>
    </message>
    <message>
        <source>Not saved: {count} problem(s) to fix first</source>
        <translation>No guardado: antes hay que corregir {count} problema(s)</translation>
    </message>
    <message>
        <source>Nothing to save: case {accession} is unchanged</source>
        <translation>Nada que guardar: el caso {accession} no ha cambiado</translation>
    </message>
    <message>
        <source>Case not saved</source>
        <translation>Caso no guardado</translation>
    </message>
    <message>
        <source>The case was not saved: {reason}.</source>
        <translation>El caso no se guardó: {reason}.</translation>
    </message>
    <message>
        <source>The case was not saved: {reason}. Your entries are still on screen; try again.</source>
        <translation>El caso no se guardó: {reason}. Sus datos siguen en pantalla; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Not saved: the database could not be written</source>
        <translation>No guardado: no se pudo escribir en la base de datos</translation>
    </message>
    <message>
        <source>Saved case {accession} (report version {version})</source>
        <translation>Caso {accession} guardado (versión del informe {version})</translation>
    </message>
    <message>
        <source>Case {accession} is no longer stored</source>
        <translation>El caso {accession} ya no está guardado</translation>
    </message>
    <message>
        <source>Reloaded case {accession} (report version {version})</source>
        <translation>Caso {accession} recargado (versión del informe {version})</translation>
    </message>
    <message>
        <source>Type an MRN first, then Find patient</source>
        <translation>Escriba primero un MRN y luego pulse Buscar</translation>
    </message>
    <message>
        <source>The patient could not be looked up: {reason}</source>
        <translation>No se pudo buscar el paciente: {reason}</translation>
    </message>
    <message>
        <source>No patient with MRN {mrn} yet: a new patient will be recorded</source>
        <translation>Todavía no hay ningún paciente con MRN {mrn}: se registrará un paciente nuevo</translation>
    </message>
    <message>
        <source>Found patient {name} (MRN {mrn})</source>
        <translation>Paciente encontrado: {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>una hora desconocida</translation>
    </message>
    <message>
        <source>&lt;b&gt;{state}&lt;/b&gt; · report version {version}</source>
        <translation>&lt;b&gt;{state}&lt;/b&gt; · versión del informe {version}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Signed out by {person} at {when}</source>
        <translation>Firmado por {person} el {when}</translation>
    </message>
    <message>
        <source>final</source>
        <translation>definitivo</translation>
    </message>
    <message>
        <source>not final until signed out</source>
        <translation>no es definitivo hasta que se firme</translation>
    </message>
    <message>
        <source>Reported result: &lt;b&gt;{result}&lt;/b&gt; ({final})</source>
        <translation>Resultado informado: &lt;b&gt;{result}&lt;/b&gt; ({final})</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>sin resultado</translation>
    </message>
    <message>
        <source>Adjudicated {status} by {person} at {when} (guideline result: {engine}).</source>
        <translation>Resuelto como {status} por {person} el {when} (resultado según la guía: {engine}).</translation>
    </message>
    <message>
        <source>Adjudicated {status} at {when} (guideline result: {engine}).</source>
        <translation>Resuelto como {status} el {when} (resultado según la guía: {engine}).</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
    <message>
        <source>Amended by {person} at {when} (version {version} stays on record).</source>
        <translation>Modificado por {person} el {when} (la versión {version} se conserva en el registro).</translation>
    </message>
    <message>
        <source>Amended at {when} (version {version} stays on record).</source>
        <translation>Modificado el {when} (la versión {version} se conserva en el registro).</translation>
    </message>
    <message>
        <source>Read-only: amend it (Case ▸ Amend…) to change it.</source>
        <translation>Solo lectura: modifíquelo (Caso ▸ Modificar…) para cambiarlo.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>No guardado: {reason}</translation>
    </message>
    <message>
        <source>case {accession} is {state}</source>
        <translation>el caso {accession} está {state}</translation>
    </message>
    <message>
        <source>This case is {state}</source>
        <translation>Este caso está {state}</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>&amp;Accession</source>
        <translation>N.º de labo&amp;ratorio</translation>
    </message>
    <message>
        <source>e.g. S26-001234</source>
        <translation>p. ej., S26-001234</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>&amp;MRN</source>
        <translation>&amp;MRN</translation>
    </message>
    <message>
        <source>medical record number</source>
        <translation>n.º de historia clínica</translation>
    </message>
    <message>
        <source>Fin&amp;d patient</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Fill in the patient&apos;s details from an earlier case with this MRN (Alt+D, or Enter in MRN)</source>
        <translation>Rellena los datos del paciente a partir de un caso anterior con este MRN (Alt+B, o Intro en MRN)</translation>
    </message>
    <message>
        <source>Hist&amp;ory</source>
        <translation>Hist&amp;orial</translation>
    </message>
    <message>
        <source>Every specimen of this patient on a time line (Alt+O)</source>
        <translation>Todas las muestras de este paciente en una línea de tiempo (Alt+O)</translation>
    </message>
    <message>
        <source>Famil&amp;y name</source>
        <translation>A&amp;pellidos</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>&amp;Fecha de nacimiento</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>Se&amp;xo</translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <source>Proced&amp;ure</source>
        <translation>Proce&amp;dimiento</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>Locali&amp;zación</translation>
    </message>
    <message>
        <source>Scoring criteria</source>
        <translation>Criterios de valoración</translation>
    </message>
    <message>
        <source>&amp;Laterality</source>
        <translation>&amp;Lateralidad</translation>
    </message>
    <message>
        <source>Clinical setting</source>
        <translation>Contexto clínico</translation>
    </message>
    <message>
        <source>Metastatic site</source>
        <translation>Localización metastásica</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>Otra localización</translation>
    </message>
    <message>
        <source>which site</source>
        <translation>qué localización</translation>
    </message>
    <message>
        <source>Coll&amp;ected</source>
        <translation>Fecha de ob&amp;tención</translation>
    </message>
    <message>
        <source>Bloc&amp;k</source>
        <translation>Blo&amp;que</translation>
    </message>
    <message>
        <source>F&amp;ixative</source>
        <translation>Fi&amp;jador</translation>
    </message>
    <message>
        <source>Cold ischaemia (min)</source>
        <translation>Isquemia fría (min)</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>Fixation time (h)</source>
        <translation>Tiempo de fijación (h)</translation>
    </message>
    <message>
        <source>hours in formalin</source>
        <translation>horas en formol</translation>
    </message>
    <message>
        <source>Fragments</source>
        <translation>Fragmentos</translation>
    </message>
    <message>
        <source>biopsy fragments</source>
        <translation>fragmentos de biopsia</translation>
    </message>
    <message>
        <source>Fragments with tumour</source>
        <translation>Fragmentos con tumor</translation>
    </message>
    <message>
        <source>fragments with tumour</source>
        <translation>fragmentos con tumor</translation>
    </message>
    <message>
        <source>Immunohistochemistry (IHC)</source>
        <translation>Inmunohistoquímica (IHC)</translation>
    </message>
    <message>
        <source>Antibody clone</source>
        <translation>Clon del anticuerpo</translation>
    </message>
    <message>
        <source>e.g. 4B5</source>
        <translation>p. ej., 4B5</translation>
    </message>
    <message>
        <source>Assay type</source>
        <translation>Tipo de ensayo</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Controles</translation>
    </message>
    <message>
        <source>Stained as expected</source>
        <translation>Tiñeron como se esperaba</translation>
    </message>
    <message>
        <source>Did not stain as expected</source>
        <translation>No tiñeron como se esperaba</translation>
    </message>
    <message>
        <source>IHC sco&amp;re</source>
        <translation>Puntuac&amp;ión IHC</translation>
    </message>
    <message>
        <source>Stained %</source>
        <translation>% teñido</translation>
    </message>
    <message>
        <source>percent of tumour cells</source>
        <translation>porcentaje de células tumorales</translation>
    </message>
    <message>
        <source>Cluster size</source>
        <translation>Tamaño del grupo</translation>
    </message>
    <message>
        <source>cells in largest cluster</source>
        <translation>células del grupo mayor</translation>
    </message>
    <message>
        <source>In situ hybridisation (ISH)</source>
        <translation>Hibridación in situ (ISH)</translation>
    </message>
    <message>
        <source>ISH &amp;probe</source>
        <translation>&amp;Sonda ISH</translation>
    </message>
    <message>
        <source>ISH method</source>
        <translation>Método ISH</translation>
    </message>
    <message>
        <source>HER&amp;2 per cell</source>
        <translation>HER&amp;2 por célula</translation>
    </message>
    <message>
        <source>average signals</source>
        <translation>señales de media</translation>
    </message>
    <message>
        <source>CEP&amp;17 per cell</source>
        <translation>CEP&amp;17 por célula</translation>
    </message>
    <message>
        <source>Cells cou&amp;nted</source>
        <translation>Núm&amp;ero de células</translation>
    </message>
    <message>
        <source>at least 20</source>
        <translation>al menos 20</translation>
    </message>
    <message>
        <source>Blinded second count</source>
        <translation>Segundo recuento ciego</translation>
    </message>
    <message>
        <source>HER2 per cell</source>
        <translation>HER2 por célula</translation>
    </message>
    <message>
        <source>CEP17 per cell</source>
        <translation>CEP17 por célula</translation>
    </message>
    <message>
        <source>Cells counted</source>
        <translation>Número de células</translation>
    </message>
</context>
<context>
    <name>HandoutPreview</name>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Final result</source>
        <translation>Resultado definitivo</translation>
    </message>
    <message>
        <source>Corrected result</source>
        <translation>Resultado corregido</translation>
    </message>
    <message>
        <source>PRELIMINARY — NOT FINAL</source>
        <translation>PRELIMINAR — NO ES DEFINITIVO</translation>
    </message>
    <message>
        <source>Save handout as PDF</source>
        <translation>Guardar la hoja para el paciente como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Handout — case {accession}</source>
        <translation>Hoja para el paciente — caso {accession}</translation>
    </message>
    <message>
        <source>Preliminary page (marked NOT FINAL)</source>
        <translation>Hoja preliminar (marcada NO ES DEFINITIVO)</translation>
    </message>
    <message>
        <source>The case is not signed out; the lab allows a page marked PRELIMINARY — NOT FINAL</source>
        <translation>El caso no está firmado; el laboratorio permite una hoja marcada PRELIMINAR — NO ES DEFINITIVO</translation>
    </message>
    <message>
        <source>La&amp;rge print (14 pt)</source>
        <translation>Letra &amp;grande (14 pt)</translation>
    </message>
    <message>
        <source>For a reader with low vision: the same words in 14-point type, on up to two pages</source>
        <translation>Para un lector con baja visión: las mismas palabras en letra de 14 puntos, en hasta dos páginas</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Id&amp;ioma:</translation>
    </message>
    <message>
        <source>Making the handout…</source>
        <translation>Preparando la hoja…</translation>
    </message>
    <message>
        <source>. The lab allows a page marked PRELIMINARY — NOT FINAL: tick the box to make one.</source>
        <translation>. El laboratorio permite una hoja marcada PRELIMINAR — NO ES DEFINITIVO: marque la casilla para prepararla.</translation>
    </message>
    <message>
        <source>. This lab prints no preliminary pages (an administrator can change the lab setting “{setting}”, allow_preliminary_handouts).</source>
        <translation>. Este laboratorio no imprime hojas preliminares (un administrador puede cambiar el ajuste del laboratorio «{setting}», allow_preliminary_handouts).</translation>
    </message>
    <message>
        <source>The handout could not be made: {reason}</source>
        <translation>No se pudo preparar la hoja: {reason}</translation>
    </message>
    <message>
        <source>No handout: {reason}</source>
        <translation>No hay hoja: {reason}</translation>
    </message>
    <message>
        <source>There is no handout to print or save (see the message above)</source>
        <translation>No hay ninguna hoja que imprimir o guardar (vea el mensaje de arriba)</translation>
    </message>
    <message>
        <source>Printing cancelled; nothing was recorded.</source>
        <translation>Impresión cancelada; no se registró nada.</translation>
    </message>
    <message>
        <source>Printed and recorded (SHA-256 {digest}…).</source>
        <translation>Impresa y registrada (SHA-256 {digest}…).</translation>
    </message>
    <message>
        <source>, large print</source>
        <translation>, letra grande</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} páginas</translation>
    </message>
    <message>
        <source>{kind} — report version {version}, {variant}, {pages}, as stored. Print and Save use exactly this PDF.</source>
        <translation>{kind} — versión del informe {version}, {variant}, {pages}, tal como se guardó. Imprimir y Guardar usan exactamente este PDF.</translation>
    </message>
    <message>
        <source>Warning: {warning}</source>
        <translation>Aviso: {warning}</translation>
    </message>
    <message>
        <source>Warning: no font can print {characters}; the page shows � and asks the reader to check the name with the lab. Check the name before printing.</source>
        <translation>Aviso: ninguna fuente puede imprimir {characters}; la hoja muestra � y pide al lector que compruebe el nombre con el laboratorio. Compruebe el nombre antes de imprimir.</translation>
    </message>
</context>
<context>
    <name>Interpretation</name>
    <message>
        <source>The rules and lab rule settings this result is made with</source>
        <translation>Las reglas y los ajustes de reglas del laboratorio con los que se obtuvo este resultado</translation>
    </message>
    <message>
        <source>Blinded second count: the first count, its ratio and the rule trail are hidden until the recount is entered.</source>
        <translation>Segundo recuento ciego: el primer recuento, su razón y el rastro de reglas quedan ocultos hasta que se registre el nuevo recuento.</translation>
    </message>
    <message>
        <source>ISH group:</source>
        <translation>Grupo ISH:</translation>
    </message>
    <message>
        <source>Ratio:</source>
        <translation>Razón:</translation>
    </message>
    <message>
        <source>HER2 per cell:</source>
        <translation>HER2 por célula:</translation>
    </message>
    <message>
        <source>Descriptor:</source>
        <translation>Descriptor:</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Siguiente paso:</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Still to complete</source>
        <translation>Falta completar</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>How the result was reached</source>
        <translation>Cómo se llegó al resultado</translation>
    </message>
    <message>
        <source>No case</source>
        <translation>Ningún caso</translation>
    </message>
    <message>
        <source>NO RESULT</source>
        <translation>SIN RESULTADO</translation>
    </message>
    <message>
        <source>Rules version: {version}</source>
        <translation>Versión de las reglas: {version}</translation>
    </message>
    <message>
        <source>1 problem to fix before saving:</source>
        <translation>1 problema que corregir antes de guardar:</translation>
    </message>
    <message>
        <source>{count} problems to fix before saving:</source>
        <translation>{count} problemas que corregir antes de guardar:</translation>
    </message>
    <message>
        <source>{fields} (before saving)</source>
        <translation>{fields} (antes de guardar)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>her2desk — DEMO (synthetic data)</source>
        <translation>her2desk — DEMOSTRACIÓN (datos sintéticos)</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Lista de trabajo</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Patient history</source>
        <translation>Historial del paciente</translation>
    </message>
    <message>
        <source>DEMO DATA — </source>
        <translation>DATOS DE DEMOSTRACIÓN — </translation>
    </message>
    <message>
        <source>Read-only: administrators manage users and settings; they do not enter cases.</source>
        <translation>Solo lectura: los administradores gestionan usuarios y ajustes; no registran casos.</translation>
    </message>
    <message>
        <source>No cases yet. Cases are entered by technologists and pathologists.</source>
        <translation>Todavía no hay casos. Los casos los registran los técnicos y los patólogos.</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <source>Sign in as the person who will use the program now. Cancel keeps the current user.</source>
        <translation>Inicie sesión como la persona que va a usar el programa ahora. Cancelar mantiene el usuario actual.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Nuevo caso</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Open selected case</source>
        <translation>A&amp;brir el caso seleccionado</translation>
    </message>
    <message>
        <source>Open the case selected in the worklist</source>
        <translation>Abrir el caso seleccionado en la lista de trabajo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Cambiar de &amp;usuario…</translation>
    </message>
    <message>
        <source>Sign out and let someone else sign in</source>
        <translation>Cerrar la sesión y dejar que otra persona inicie la suya</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Find in worklist</source>
        <translation>&amp;Buscar en la lista de trabajo</translation>
    </message>
    <message>
        <source>&amp;Refresh worklist</source>
        <translation>&amp;Actualizar la lista de trabajo</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>&amp;Lista de trabajo</translation>
    </message>
    <message>
        <source>Patient &amp;history</source>
        <translation>&amp;Historial del paciente</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About her2desk</source>
        <translation>&amp;Acerca de her2desk</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Your own choices on this computer, such as the language</source>
        <translation>Sus preferencias en este ordenador, como el idioma</translation>
    </message>
    <message>
        <source>Preferences saved; a new language takes effect at the next start</source>
        <translation>Preferencias guardadas; un idioma nuevo se aplica la próxima vez que se inicie el programa</translation>
    </message>
    <message>
        <source>Opened case {accession} (report version {version})</source>
        <translation>Caso {accession} abierto (versión del informe {version})</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Problema con la base de datos</translation>
    </message>
    <message>
        <source>There are unsaved changes: unlock to save or discard them first.</source>
        <translation>Hay cambios sin guardar: desbloquee para guardarlos o descartarlos primero.</translation>
    </message>
    <message>
        <source>Signed in as {user} ({role})</source>
        <translation>Sesión iniciada: {user} ({role})</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Como el sistema ({language})</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The new language takes effect the next time the program starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie el programa.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>technologist</source>
        <translation>técnico/a</translation>
    </message>
    <message>
        <source>pathologist</source>
        <translation>patólogo/a</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador/a</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Breast</source>
        <translation>Mama</translation>
    </message>
    <message>
        <source>Stomach</source>
        <translation>Estómago</translation>
    </message>
    <message>
        <source>Gastroesophageal junction</source>
        <translation>Unión gastroesofágica</translation>
    </message>
    <message>
        <source>Esophagus</source>
        <translation>Esófago</translation>
    </message>
    <message>
        <source>Pancreas</source>
        <translation>Páncreas</translation>
    </message>
    <message>
        <source>Bladder</source>
        <translation>Vejiga</translation>
    </message>
    <message>
        <source>Ovary</source>
        <translation>Ovario</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Fine needle aspiration</source>
        <translation>Punción con aguja fina</translation>
    </message>
    <message>
        <source>Core needle biopsy</source>
        <translation>Biopsia con aguja gruesa</translation>
    </message>
    <message>
        <source>Incisional biopsy</source>
        <translation>Biopsia incisional</translation>
    </message>
    <message>
        <source>Excisional biopsy</source>
        <translation>Biopsia excisional</translation>
    </message>
    <message>
        <source>Endoscopic biopsy</source>
        <translation>Biopsia por endoscopia</translation>
    </message>
    <message>
        <source>Surgical resection</source>
        <translation>Resección quirúrgica</translation>
    </message>
    <message>
        <source>POSITIVE</source>
        <translation>POSITIVO</translation>
    </message>
    <message>
        <source>NEGATIVE</source>
        <translation>NEGATIVO</translation>
    </message>
    <message>
        <source>EQUIVOCAL</source>
        <translation>EQUÍVOCO</translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation>PENDIENTE</translation>
    </message>
    <message>
        <source>ADJUDICATION</source>
        <translation>RESOLUCIÓN</translation>
    </message>
    <message>
        <source>INDETERMINATE</source>
        <translation>INDETERMINADO</translation>
    </message>
    <message>
        <source>HER2-low</source>
        <translation>HER2-low</translation>
    </message>
    <message>
        <source>HER2-ultralow</source>
        <translation>HER2-ultralow</translation>
    </message>
    <message>
        <source>HER2-null</source>
        <translation>HER2-null</translation>
    </message>
    <message>
        <source>Indeterminate</source>
        <translation>Indeterminado</translation>
    </message>
    <message>
        <source>Dual</source>
        <translation>Doble</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Única</translation>
    </message>
    <message>
        <source>FDA-approved</source>
        <translation>Aprobado por la FDA</translation>
    </message>
    <message>
        <source>Laboratory-developed</source>
        <translation>Desarrollado en el laboratorio</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primario</translation>
    </message>
    <message>
        <source>Metastatic</source>
        <translation>Metastásico</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>Recidiva</translation>
    </message>
    <message>
        <source>10% neutral buffered formalin</source>
        <translation>Formol tamponado neutro al 10 %</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>No consta</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Bilateral</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>None: the result is complete</source>
        <translation>Ninguno: el resultado está completo</translation>
    </message>
    <message>
        <source>Reflex ISH on the same specimen</source>
        <translation>ISH refleja en la misma muestra</translation>
    </message>
    <message>
        <source>Blinded second count by another observer</source>
        <translation>Segundo recuento ciego por otro observador</translation>
    </message>
    <message>
        <source>Review concurrent IHC on the same tissue</source>
        <translation>Revisar la IHC simultánea del mismo tejido</translation>
    </message>
    <message>
        <source>Repeat with a dual-probe ISH assay</source>
        <translation>Repetir con un ensayo ISH de sonda doble</translation>
    </message>
    <message>
        <source>Pathologist adjudication</source>
        <translation>Resolución por patólogo/a</translation>
    </message>
    <message>
        <source>Test a new specimen</source>
        <translation>Analizar una muestra nueva</translation>
    </message>
    <message>
        <source>Breast (ASCO/CAP 2018, affirmed 2023)</source>
        <translation>Mama (ASCO/CAP 2018, ratificada en 2023)</translation>
    </message>
    <message>
        <source>Gastroesophageal biopsy (CAP/ASCP/ASCO 2016)</source>
        <translation>Biopsia gastroesofágica (CAP/ASCP/ASCO 2016)</translation>
    </message>
    <message>
        <source>Gastroesophageal resection (CAP/ASCP/ASCO 2016)</source>
        <translation>Resección gastroesofágica (CAP/ASCP/ASCO 2016)</translation>
    </message>
    <message>
        <source>Gastroesophageal</source>
        <translation>Gastroesofágicos</translation>
    </message>
    <message>
        <source>Gastroesophageal criteria (CAP/ASCP/ASCO 2016)</source>
        <translation>Criterios gastroesofágicos (CAP/ASCP/ASCO 2016)</translation>
    </message>
    <message>
        <source>Breast criteria (ASCO/CAP 2018)</source>
        <translation>Criterios de mama (ASCO/CAP 2018)</translation>
    </message>
    <message>
        <source>Lymph node</source>
        <translation>Ganglio linfático</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Hígado</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Pulmón</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Hueso</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Cerebro</translation>
    </message>
    <message>
        <source>Skin/chest wall</source>
        <translation>Piel/pared torácica</translation>
    </message>
    <message>
        <source>Pleura</source>
        <translation>Pleura</translation>
    </message>
    <message>
        <source>Peritoneum</source>
        <translation>Peritoneo</translation>
    </message>
    <message>
        <source>Other (specify)</source>
        <translation>Otra (especifique)</translation>
    </message>
    <message>
        <source>{status}, adjudicated</source>
        <translation>{status}, resuelto</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>If you change the results, another pathologist must sign them out (lab setting: allow self-verification).</source>
        <translation>Si cambia los resultados, tiene que firmarlos otro patólogo/a (ajuste del laboratorio: permitir la autoverificación).</translation>
    </message>
    <message>
        <source>Signing as {user}. Your password is your electronic signature, and it means: “{meaning}”</source>
        <translation>Firma como {user}. Su contraseña es su firma electrónica y significa: «{meaning}»</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Sign out case</source>
        <translation>Firmar el caso</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>&amp;Firmar</translation>
    </message>
    <message>
        <source>Warnings and comments:</source>
        <translation>Avisos y comentarios:</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Sin avisos.</translation>
    </message>
    <message>
        <source>Adjudicate case</source>
        <translation>Resolver el caso</translation>
    </message>
    <message>
        <source>&amp;Record adjudication</source>
        <translation>&amp;Registrar la resolución</translation>
    </message>
    <message>
        <source>Amend case</source>
        <translation>Modificar el caso</translation>
    </message>
    <message>
        <source>&amp;Amend</source>
        <translation>&amp;Modificar</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Accession</source>
        <translation>N.º de laboratorio</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Localización</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Obtenida</translation>
    </message>
    <message>
        <source>IHC</source>
        <translation>IHC</translation>
    </message>
    <message>
        <source>ISH</source>
        <translation>ISH</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>ISH group (1-5)</source>
        <translation>Grupo ISH (1-5)</translation>
    </message>
    <message>
        <source>The reported result</source>
        <translation>El resultado informado</translation>
    </message>
    <message>
        <source>{meaning}; click to sort</source>
        <translation>{meaning}; pulse para ordenar</translation>
    </message>
    <message>
        <source>{meaning}; this column cannot be sorted</source>
        <translation>{meaning}; esta columna no se puede ordenar</translation>
    </message>
    <message>
        <source>Click to sort</source>
        <translation>Pulse para ordenar</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>Esta columna no se puede ordenar</translation>
    </message>
    <message>
        <source>Guideline result: {status}; reported as adjudicated</source>
        <translation>Resultado según la guía: {status}; informado según la resolución</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>sin resultado</translation>
    </message>
    <message>
        <source>No cases yet: press Ctrl+N (File ▸ New case) to enter the first one.</source>
        <translation>Todavía no hay casos: pulse Ctrl+N (Archivo ▸ Nuevo caso) para registrar el primero.</translation>
    </message>
    <message>
        <source>Search: accession, MRN or family name</source>
        <translation>Buscar: n.º de laboratorio, MRN o apellidos</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Any site</source>
        <translation>Cualquier localización</translation>
    </message>
    <message>
        <source>collected from YYYY-MM-DD</source>
        <translation>obtenida desde AAAA-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>hasta AAAA-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Needs action</source>
        <translation>&amp;Requiere acción</translation>
    </message>
    <message>
        <source>Equivocal, pending or awaiting adjudication</source>
        <translation>Equívoco, pendiente o en espera de resolución</translation>
    </message>
    <message>
        <source>&amp;Awaiting sign-out</source>
        <translation>Pendiente de &amp;firma</translation>
    </message>
    <message>
        <source>Entered or amended cases not yet signed out</source>
        <translation>Casos registrados o modificados que aún no se han firmado</translation>
    </message>
    <message>
        <source>Si&amp;gned out today</source>
        <translation>Firmados h&amp;oy</translation>
    </message>
    <message>
        <source>Cases signed out today (local time)</source>
        <translation>Casos firmados hoy (hora local)</translation>
    </message>
    <message>
        <source>Counting cases…</source>
        <translation>Contando casos…</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 caso</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>{count} casos</translation>
    </message>
    <message>
        <source>No cases match the search and filters.</source>
        <translation>Ningún caso coincide con la búsqueda y los filtros.</translation>
    </message>
</context>
</TS>
