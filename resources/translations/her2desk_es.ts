<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Admin</name>
    <message>
        <source>Only an administrator manages users; sign in as one (File ▸ Switch user)</source>
        <translation>Solo un administrador/a gestiona los usuarios; inicie sesión como tal (Archivo ▸ Cambiar de usuario)</translation>
    </message>
    <message>
        <source>Only an administrator checks the record; sign in as one (File ▸ Switch user)</source>
        <translation>Solo un administrador/a comprueba el registro; inicie sesión como tal (Archivo ▸ Cambiar de usuario)</translation>
    </message>
    <message>
        <source>The record is intact: {count} chained records verified.
Head digest: {head}</source>
        <translation>El registro está íntegro: {count} registros encadenados verificados.
Resumen final: {head}</translation>
    </message>
    <message>
        <source>
… and {count} more</source>
        <translation>
… y {count} más</translation>
    </message>
    <message>
        <source>The record has been changed outside the program:</source>
        <translation>El registro se ha modificado fuera del programa:</translation>
    </message>
    <message>
        <source>Checking the record…</source>
        <translation>Comprobando el registro…</translation>
    </message>
    <message>
        <source>The record could not be checked: {reason}</source>
        <translation>No se ha podido comprobar el registro: {reason}</translation>
    </message>
    <message>
        <source>Check the record</source>
        <translation>Comprobar el registro</translation>
    </message>
    <message>
        <source>The record is intact</source>
        <translation>El registro está íntegro</translation>
    </message>
    <message>
        <source>The record has been changed outside the program</source>
        <translation>El registro se ha modificado fuera del programa</translation>
    </message>
    <message>
        <source>Add users, deactivate them, reset passwords</source>
        <translation>Añadir usuarios, desactivarlos, restablecer contraseñas</translation>
    </message>
    <message>
        <source>Verify the tamper evidence of the whole record</source>
        <translation>Verificar las pruebas de manipulación de todo el registro</translation>
    </message>
    <message>
        <source>Lab &amp;settings…</source>
        <translation>&amp;Ajustes del laboratorio…</translation>
    </message>
    <message>
        <source>The lab&apos;s settings for every workstation (changed by an administrator)</source>
        <translation>Los ajustes del laboratorio para todos los puestos (los cambia un administrador/a)</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>&amp;Check the record…</source>
        <translation>&amp;Comprobar el registro…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>This database holds real cases or user accounts and is not a demo database; --demo opens only demo databases. Run without --demo, or name another file with --database.</source>
        <translation>Esta base de datos contiene casos reales o cuentas de usuario y no es una base de datos de demostración; --demo solo abre bases de datos de demostración. Ejecute sin --demo o indique otro archivo con --database.</translation>
    </message>
    <message>
        <source>The demo database changed while it was opened; start her2desk again.</source>
        <translation>La base de datos de demostración cambió mientras se abría; inicie her2desk de nuevo.</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <source>her2desk cannot open the database</source>
        <translation>her2desk no puede abrir la base de datos</translation>
    </message>
</context>
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
        <source>{action} by {who} at {when}</source>
        <translation>{action} por {who} el {when}</translation>
    </message>
    <message>
        <source>Record: {subject}</source>
        <translation>Registro: {subject}</translation>
    </message>
    <message>
        <source>No values recorded.</source>
        <translation>No hay valores registrados.</translation>
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
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Registro de auditoría…</translation>
    </message>
    <message>
        <source>Every audited event of this database: filter by user, action, date and case</source>
        <translation>Todos los sucesos auditados de esta base de datos: filtre por usuario, acción, fecha y caso</translation>
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
    <name>CaseRecord</name>
    <message>
        <source>Report version</source>
        <translation>Versión del informe</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Firmado el</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
    <message>
        <source>Printed at</source>
        <translation>Impreso el</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Rules version</source>
        <translation>Versión de las reglas</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>Preliminar</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Sustituido</translation>
    </message>
    <message>
        <source>SHA-256 of the PDF</source>
        <translation>SHA-256 del PDF</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>entered, not signed out</source>
        <translation>registrado, sin firmar</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>firmado</translation>
    </message>
    <message>
        <source>amended, being corrected (not signed out)</source>
        <translation>modificado, en corrección (sin firmar)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>signed out by {user} {when}</source>
        <translation>firmado por {user} {when}</translation>
    </message>
    <message>
        <source>Report version {version} — {what}</source>
        <translation>Versión del informe {version} — {what}</translation>
    </message>
    <message>
        <source>{result}, adjudicated</source>
        <translation>{result}, resuelto</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>Estado: {state}</translation>
    </message>
    <message>
        <source>Signed out by: {user} at {when}</source>
        <translation>Firmado por: {user} el {when}</translation>
    </message>
    <message>
        <source>Signed out by: {user}</source>
        <translation>Firmado por: {user}</translation>
    </message>
    <message>
        <source>Amendment reason: {reason}</source>
        <translation>Motivo de la modificación: {reason}</translation>
    </message>
    <message>
        <source>Reported result: {result}</source>
        <translation>Resultado informado: {result}</translation>
    </message>
    <message>
        <source>HER2 status (guideline): {status}</source>
        <translation>Estado de HER2 (según la guía): {status}</translation>
    </message>
    <message>
        <source>ISH group: {group}    Ratio: {ratio}    HER2 average: {average}</source>
        <translation>Grupo ISH: {group}    Razón: {ratio}    Media de HER2: {average}</translation>
    </message>
    <message>
        <source>Recount: ISH group {group}, ratio {ratio}</source>
        <translation>Recuento: grupo ISH {group}, razón {ratio}</translation>
    </message>
    <message>
        <source>Descriptor: {descriptor}</source>
        <translation>Descriptor: {descriptor}</translation>
    </message>
    <message>
        <source>Adjudicated status: {status} — {reason}</source>
        <translation>Estado resuelto: {status} — {reason}</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>Paso siguiente: {step}</translation>
    </message>
    <message>
        <source>Specimen: {where}; collected {collected}; block {block}</source>
        <translation>Muestra: {where}; obtenida {collected}; bloque {block}</translation>
    </message>
    <message>
        <source>; metastatic site {site}</source>
        <translation>; localización metastásica {site}</translation>
    </message>
    <message>
        <source>IHC: score {score}, stained {stained}%, clone {clone}</source>
        <translation>IHC: puntuación {score}, teñidas {stained} %, clon {clone}</translation>
    </message>
    <message>
        <source>ISH: {probe} probe, {method}</source>
        <translation>ISH: sonda {probe}, {method}</translation>
    </message>
    <message>
        <source>  Count {observer}: {cells} cells, HER2 {her2}, CEP17 {cep17}</source>
        <translation>  Recuento {observer}: {cells} células, HER2 {her2}, CEP17 {cep17}</translation>
    </message>
    <message>
        <source> (entered by {user})</source>
        <translation> (registrado por {user})</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>Comentarios:</translation>
    </message>
    <message>
        <source>Guideline: {guideline}</source>
        <translation>Guía: {guideline}</translation>
    </message>
    <message>
        <source>Rules version: {rules}</source>
        <translation>Versión de las reglas: {rules}</translation>
    </message>
    <message>
        <source>Case record — {accession}</source>
        <translation>Registro del caso — {accession}</translation>
    </message>
    <message>
        <source>Report versions ({count})</source>
        <translation>Versiones del informe ({count})</translation>
    </message>
    <message>
        <source>Signatures ({count})</source>
        <translation>Firmas ({count})</translation>
    </message>
    <message>
        <source>Handout prints ({count})</source>
        <translation>Hojas para el paciente impresas ({count})</translation>
    </message>
    <message>
        <source>Report prints ({count})</source>
        <translation>Informes impresos ({count})</translation>
    </message>
    <message>
        <source>Audit trail ({count})</source>
        <translation>Registro de auditoría ({count})</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Case {accession}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Caso {accession}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Case &amp;record…</source>
        <translation>Re&amp;gistro del caso…</translation>
    </message>
    <message>
        <source>Versions, signatures, handout and report prints, audit trail of the case</source>
        <translation>Versiones, firmas, hojas para el paciente e informes impresos y registro de auditoría del caso</translation>
    </message>
    <message>
        <source>Open a case or select one in the worklist to see its record</source>
        <translation>Abra un caso o seleccione uno en la lista de trabajo para ver su registro</translation>
    </message>
    <message>
        <source>Case {accession} is not stored</source>
        <translation>El caso {accession} no está guardado</translation>
    </message>
    <message>
        <source>The record of case {accession} could not be read</source>
        <translation>No se ha podido leer el registro del caso {accession}</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Problema con la base de datos</translation>
    </message>
    <message>
        <source>The record of case {accession} could not be read: {reason}</source>
        <translation>No se ha podido leer el registro del caso {accession}: {reason}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>her2desk — Something went wrong</source>
        <translation>her2desk — Algo ha salido mal</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo ha salido mal</translation>
    </message>
    <message>
        <source>her2desk ran into a problem it did not expect. What you saved before is stored; you can close this message and go on working. Check the case you were working on before you save it. If it happens again, tell your support contact and give them the details (Copy details).</source>
        <translation>her2desk ha encontrado un problema inesperado. Lo que guardó antes está almacenado; puede cerrar este mensaje y seguir trabajando. Revise el caso en el que estaba trabajando antes de guardarlo. Si vuelve a ocurrir, avise a su contacto de soporte y facilítele los detalles (Copiar los detalles).</translation>
    </message>
    <message>
        <source>The copied details may name the patient of the open case: paste them only where that is allowed.</source>
        <translation>Los detalles copiados pueden nombrar al paciente del caso abierto: péguelos solo donde esté permitido.</translation>
    </message>
    <message>
        <source>What happened: {what}</source>
        <translation>Qué ha pasado: {what}</translation>
    </message>
    <message>
        <source>The details were written to the log file {path}</source>
        <translation>Los detalles se han escrito en el archivo de registro {path}</translation>
    </message>
    <message>
        <source>No log file could be written.</source>
        <translation>No se ha podido escribir ningún archivo de registro.</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar los detalles</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>You have changed case {accession} without saving it.</source>
        <translation>Ha modificado el caso {accession} sin guardarlo.</translation>
    </message>
    <message>
        <source>You have changed the new case without saving it.</source>
        <translation>Ha modificado el caso nuevo sin guardarlo.</translation>
    </message>
    <message>
        <source>Save the changes, discard them, or go back to the case?</source>
        <translation>¿Guardar los cambios, descartarlos o volver al caso?</translation>
    </message>
    <message>
        <source>Case {accession} was changed by {user} at {when}, after you opened it. Your changes were NOT saved and nothing was overwritten.</source>
        <translation>{user} modificó el caso {accession} el {when}, después de que usted lo abriera. Sus cambios NO se han guardado y no se ha sobrescrito nada.</translation>
    </message>
    <message>
        <source>Case changed by someone else</source>
        <translation>Caso modificado por otra persona</translation>
    </message>
    <message>
        <source>Reload to see the current version (your edits will be discarded), or keep your edits on screen to copy them before reloading.</source>
        <translation>Vuelva a cargarlo para ver la versión actual (se descartarán sus cambios) o conserve sus cambios en pantalla para copiarlos antes de volver a cargarlo.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Volver a cargar</translation>
    </message>
    <message>
        <source>&amp;Keep my edits on screen</source>
        <translation>&amp;Conservar mis cambios en pantalla</translation>
    </message>
    <message>
        <source>About her2desk</source>
        <translation>Acerca de her2desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;her2desk {version}&lt;/h3&gt;&lt;p&gt;Records, interprets and stores HER2 tumour-marker results.&lt;/p&gt;&lt;p&gt;Guidelines:&lt;br&gt;{guidelines}&lt;/p&gt;&lt;p&gt;Rules: {rules}, with this lab&apos;s rule settings (Tools ▸ Lab settings shows the whole rules version, stored with every result).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;her2desk {version}&lt;/h3&gt;&lt;p&gt;Registra, interpreta y guarda los resultados del marcador tumoral HER2.&lt;/p&gt;&lt;p&gt;Guías:&lt;br&gt;{guidelines}&lt;/p&gt;&lt;p&gt;Reglas: {rules}, con los ajustes de reglas de este laboratorio (Herramientas ▸ Ajustes del laboratorio muestra la versión completa de las reglas, que se guarda con cada resultado).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Both ISH counts were entered by the same person (allowed by the lab&apos;s setting for a one-person lab); the second count is not an independent observer&apos;s.</source>
        <translation>Ambos recuentos ISH los registró la misma persona (permitido por la configuración del laboratorio para un laboratorio de una sola persona); el segundo recuento no es el de un observador independiente.</translation>
    </message>
    <message>
        <source>IHC {score}: {staining} in {pct}% of tumour cells ({needed}) -&gt; {category}</source>
        <translation>IHC {score}: {staining} en el {pct}% de las células tumorales ({needed}) -&gt; {category}</translation>
    </message>
    <message>
        <source>complete, intense membrane staining in &gt; 10% of tumour cells</source>
        <translation>tinción de membrana completa e intensa en &gt; 10% de las células tumorales</translation>
    </message>
    <message>
        <source>weak to moderate complete membrane staining in &gt; 10% of tumour cells</source>
        <translation>tinción de membrana completa débil a moderada en &gt; 10% de las células tumorales</translation>
    </message>
    <message>
        <source>faint, incomplete membrane staining in &gt; 10% of tumour cells</source>
        <translation>tinción de membrana tenue e incompleta en &gt; 10% de las células tumorales</translation>
    </message>
    <message>
        <source>no staining, or faint, incomplete membrane staining in &lt;= 10% of tumour cells</source>
        <translation>sin tinción, o tinción de membrana tenue e incompleta en &lt;= 10% de las células tumorales</translation>
    </message>
    <message>
        <source>complete, intense membrane staining</source>
        <translation>tinción de membrana completa e intensa</translation>
    </message>
    <message>
        <source>weak to moderate complete membrane staining</source>
        <translation>tinción de membrana completa débil a moderada</translation>
    </message>
    <message>
        <source>faint, incomplete membrane staining</source>
        <translation>tinción de membrana tenue e incompleta</translation>
    </message>
    <message>
        <source>IHC could not be scored (technical failure)</source>
        <translation>La IHC no pudo valorarse (fallo técnico)</translation>
    </message>
    <message>
        <source>IHC {score} as scored; no percentage entered (definition: {definition}) -&gt; {category}</source>
        <translation>IHC {score} según la valoración; no se registró porcentaje (definición: {definition}) -&gt; {category}</translation>
    </message>
    <message>
        <source>IHC 2+: an unusual pattern (staining in {pct}% of tumour cells, &lt;= 10%), which the guideline scores 2+ -&gt; equivocal</source>
        <translation>IHC 2+: un patrón inusual (tinción en el {pct}% de las células tumorales, &lt;= 10%), que la guía valora como 2+ -&gt; equívoco</translation>
    </message>
    <message>
        <source>IHC 0: no membrane staining (0% of tumour cells) -&gt; negative</source>
        <translation>IHC 0: sin tinción de membrana (0% de las células tumorales) -&gt; negativo</translation>
    </message>
    <message>
        <source>Dual-probe ISH, {cells} cells: {reading}</source>
        <translation>ISH de sonda doble, {cells} células: {reading}</translation>
    </message>
    <message>
        <source>Blinded recount, {cells} cells: {reading}</source>
        <translation>Recuento ciego, {cells} células: {reading}</translation>
    </message>
    <message>
        <source>Recount confirms group {group} with IHC 2+ -&gt; negative with the group {group} comment</source>
        <translation>El recuento confirma el grupo {group} con IHC 2+ -&gt; negativo con el comentario del grupo {group}</translation>
    </message>
    <message>
        <source>Single-probe ISH, {cells} cells: HER2 {her2} in [4.0, 6.0) -&gt; decided by concurrent IHC</source>
        <translation>ISH de sonda única, {cells} células: HER2 {her2} en [4,0, 6,0) -&gt; lo decide la IHC concurrente</translation>
    </message>
    <message>
        <source>No concurrent IHC -&gt; perform IHC (and/or dual-probe ISH) on sections of the same tissue</source>
        <translation>Sin IHC concurrente -&gt; realizar IHC (y/o ISH de sonda doble) en cortes del mismo tejido</translation>
    </message>
    <message>
        <source>Scoring criteria chosen for {site} (no site-specific guideline): {criteria}</source>
        <translation>Criterios de valoración elegidos para {site} (sin guía específica de la localización): {criteria}</translation>
    </message>
    <message>
        <source>No site-specific HER2 guideline exists for {site}; scored with the breast criteria chosen for this case, whose ISH groups and HER2-low/-ultralow descriptors were defined for breast cancer</source>
        <translation>No existe una guía de HER2 específica para {site}; valorado con los criterios de mama elegidos para este caso, cuyos grupos ISH y descriptores HER2-low/-ultralow se definieron para el cáncer de mama</translation>
    </message>
    <message>
        <source>{descriptor} describes breast cancer; it is given for {site} only because the lab enabled descriptors for sites without a guideline</source>
        <translation>{descriptor} describe el cáncer de mama; se indica para {site} solo porque el laboratorio habilitó los descriptores para localizaciones sin guía</translation>
    </message>
    <message>
        <source>Descriptor HER2-low: negative with IHC {score}</source>
        <translation>Descriptor HER2-low: negativo con IHC {score}</translation>
    </message>
    <message>
        <source>Descriptor HER2-ultralow: IHC 0 with faint, incomplete staining in {pct}% (&gt; 0% and &lt;= 10%)</source>
        <translation>Descriptor HER2-ultralow: IHC 0 con tinción tenue e incompleta en el {pct}% (&gt; 0% y &lt;= 10%)</translation>
    </message>
    <message>
        <source>A second count was entered without ISH; it was not used</source>
        <translation>Se registró un segundo recuento sin ISH; no se utilizó</translation>
    </message>
    <message>
        <source>IHC 2+ must be followed by reflex ISH on the same specimen (or a new test on a new specimen)</source>
        <translation>Una IHC 2+ debe seguirse de ISH refleja en la misma muestra (o de una nueva prueba en una nueva muestra)</translation>
    </message>
    <message>
        <source>No interpretable IHC or ISH: request a new specimen or repeat the test</source>
        <translation>Ni IHC ni ISH interpretables: solicite una nueva muestra o repita la prueba</translation>
    </message>
    <message>
        <source>Blinded recount near a threshold ({what}): small counting differences could change the call</source>
        <translation>Recuento ciego cerca de un umbral ({what}): pequeñas diferencias de recuento podrían cambiar el resultado</translation>
    </message>
    <message>
        <source>A second count is only needed for groups 2-4 with IHC 2+; group {group} needs none, so it was not used</source>
        <translation>Un segundo recuento solo es necesario para los grupos 2-4 con IHC 2+; el grupo {group} no lo necesita, por lo que no se utilizó</translation>
    </message>
    <message>
        <source>Group 1 -&gt; ISH positive</source>
        <translation>Grupo 1 -&gt; ISH positiva</translation>
    </message>
    <message>
        <source>Group 5 -&gt; ISH negative</source>
        <translation>Grupo 5 -&gt; ISH negativa</translation>
    </message>
    <message>
        <source>Group {group} needs IHC on the same tissue, reviewed together with the ISH slide</source>
        <translation>El grupo {group} necesita IHC en el mismo tejido, revisada junto con la preparación de ISH</translation>
    </message>
    <message>
        <source>Group {group} with concurrent IHC 3+ -&gt; positive</source>
        <translation>Grupo {group} con IHC concurrente 3+ -&gt; positivo</translation>
    </message>
    <message>
        <source>Group {group} with concurrent IHC {score} -&gt; negative with the group {group} comment</source>
        <translation>Grupo {group} con IHC concurrente {score} -&gt; negativo con el comentario del grupo {group}</translation>
    </message>
    <message>
        <source>Group {group} with IHC 2+ -&gt; a second observer, blinded to the first result, recounts at least 20 cells in the IHC 2+ area</source>
        <translation>Grupo {group} con IHC 2+ -&gt; un segundo observador, ciego al primer resultado, vuelve a contar al menos 20 células en el área IHC 2+</translation>
    </message>
    <message>
        <source>Recount gives group {recount_group}, not group {group} -&gt; adjudicate per internal procedure; the software does not derive a result</source>
        <translation>El recuento da el grupo {recount_group}, no el grupo {group} -&gt; resolver según el procedimiento interno; el programa no deduce un resultado</translation>
    </message>
    <message>
        <source>Recount confirms group 3 with IHC 2+ -&gt; positive</source>
        <translation>El recuento confirma el grupo 3 con IHC 2+ -&gt; positivo</translation>
    </message>
    <message>
        <source>A second count is not part of the single-probe algorithm; it was not used</source>
        <translation>Un segundo recuento no forma parte del algoritmo de sonda única; no se utilizó</translation>
    </message>
    <message>
        <source>Single-probe ISH, {cells} cells: HER2 {her2} &gt;= 6.0 -&gt; ISH positive</source>
        <translation>ISH de sonda única, {cells} células: HER2 {her2} &gt;= 6,0 -&gt; ISH positiva</translation>
    </message>
    <message>
        <source>Single-probe ISH, {cells} cells: HER2 {her2} &lt; 4.0 -&gt; ISH negative</source>
        <translation>ISH de sonda única, {cells} células: HER2 {her2} &lt; 4,0 -&gt; ISH negativa</translation>
    </message>
    <message>
        <source>Concurrent IHC 3+ -&gt; positive</source>
        <translation>IHC concurrente 3+ -&gt; positivo</translation>
    </message>
    <message>
        <source>Concurrent IHC 2+ -&gt; perform dual-probe ISH for the final result</source>
        <translation>IHC concurrente 2+ -&gt; realizar ISH de sonda doble para el resultado final</translation>
    </message>
    <message>
        <source>Concurrent IHC {score} -&gt; negative</source>
        <translation>IHC concurrente {score} -&gt; negativo</translation>
    </message>
    <message>
        <source>Concurrent IHC could not be scored -&gt; perform dual-probe ISH on the same tissue</source>
        <translation>La IHC concurrente no pudo valorarse -&gt; realizar ISH de sonda doble en el mismo tejido</translation>
    </message>
    <message>
        <source>No HER2-low/-ultralow/-null descriptor: they describe breast cancer and are not given for {site} (the lab has not enabled them for sites without a guideline)</source>
        <translation>Sin descriptor HER2-low/-ultralow/-null: describen el cáncer de mama y no se indican para {site} (el laboratorio no los ha habilitado para localizaciones sin guía)</translation>
    </message>
    <message>
        <source>stained_pct: give the % of cells with faint incomplete staining (0 if none) to tell HER2-null from HER2-ultralow</source>
        <translation>stained_pct: indique el % de células con tinción tenue incompleta (0 si no hay) para distinguir HER2-null de HER2-ultralow</translation>
    </message>
    <message>
        <source>give the % of cells with faint incomplete staining (0 if none) to tell HER2-null from HER2-ultralow</source>
        <translation>indique el % de células con tinción tenue incompleta (0 si no hay) para distinguir HER2-null de HER2-ultralow</translation>
    </message>
    <message>
        <source>Descriptor HER2-null: IHC 0 with no membrane staining</source>
        <translation>Descriptor HER2-null: IHC 0 sin tinción de membrana</translation>
    </message>
    <message>
        <source>IHC 3+ -&gt; positive, although ISH is group 5 (negative)</source>
        <translation>IHC 3+ -&gt; positivo, aunque la ISH es del grupo 5 (negativa)</translation>
    </message>
    <message>
        <source>A second count was entered before concurrent IHC; it will be used once IHC is 2+</source>
        <translation>Se registró un segundo recuento antes de la IHC concurrente; se utilizará cuando la IHC sea 2+</translation>
    </message>
    <message>
        <source>A second count is only needed with IHC 2+; it was not used</source>
        <translation>Un segundo recuento solo es necesario con IHC 2+; no se utilizó</translation>
    </message>
    <message>
        <source>Discordance: IHC {score} with single-probe HER2 {her2} &gt;= 6.0; pathologist review recommended (consider dual-probe ISH)</source>
        <translation>Discordancia: IHC {score} con HER2 de sonda única {her2} &gt;= 6,0; se recomienda revisión por el patólogo/a (valore ISH de sonda doble)</translation>
    </message>
    <message>
        <source>IHC 3+ -&gt; positive, although single-probe ISH is negative</source>
        <translation>IHC 3+ -&gt; positivo, aunque la ISH de sonda única es negativa</translation>
    </message>
    <message>
        <source>Discordance: IHC 3+ with single-probe HER2 &lt; 4.0; pathologist review recommended</source>
        <translation>Discordancia: IHC 3+ con HER2 de sonda única &lt; 4,0; se recomienda revisión por el patólogo/a</translation>
    </message>
    <message>
        <source>Discordance: IHC 3+ with ISH group 5; pathologist review recommended</source>
        <translation>Discordancia: IHC 3+ con ISH del grupo 5; se recomienda revisión por el patólogo/a</translation>
    </message>
    <message>
        <source>CAP/ASCP/ASCO 2016 gastroesophageal criteria</source>
        <translation>criterios gastroesofágicos CAP/ASCP/ASCO 2016</translation>
    </message>
    <message>
        <source>ASCO/CAP 2018 breast criteria (affirmed 2023)</source>
        <translation>criterios de mama ASCO/CAP 2018 (ratificados en 2023)</translation>
    </message>
    <message>
        <source>a brace is not closed or not opened; allowed are {allowed}</source>
        <translation>hay una llave sin cerrar o sin abrir; se permiten {allowed}</translation>
    </message>
    <message>
        <source>it gives numbers such as {example}, and an accession number {problem}; write a pattern such as {sample}</source>
        <translation>genera números como {example}, y un número de laboratorio: {problem}; escriba un patrón como {sample}</translation>
    </message>
    <message>
        <source>{placeholder} is not a placeholder; allowed are {allowed}</source>
        <translation>{placeholder} no es un marcador válido; se permiten {allowed}</translation>
    </message>
    <message>
        <source>no counter; allowed are {allowed}</source>
        <translation>no hay contador; se permiten {allowed}</translation>
    </message>
    <message>
        <source>{count} counters; allowed are {allowed}</source>
        <translation>hay {count} contadores; se permiten {allowed}</translation>
    </message>
    <message>
        <source>ihc.clone: this is a {kind} result and the clone is not 4B5; the FDA-approved companion test for HER2-low and HER2-ultralow is the Ventana PATHWAY anti-HER2/neu (4B5) assay</source>
        <translation>ihc.clone: es un resultado {kind} y el clon no es 4B5; la prueba diagnóstica complementaria aprobada por la FDA para HER2-low y HER2-ultralow es el ensayo Ventana PATHWAY anti-HER2/neu (4B5)</translation>
    </message>
    <message>
        <source>this is a {kind} result and the clone is not 4B5; the FDA-approved companion test for HER2-low and HER2-ultralow is the Ventana PATHWAY anti-HER2/neu (4B5) assay</source>
        <translation>es un resultado {kind} y el clon no es 4B5; la prueba diagnóstica complementaria aprobada por la FDA para HER2-low y HER2-ultralow es el ensayo Ventana PATHWAY anti-HER2/neu (4B5)</translation>
    </message>
    <message>
        <source>specimen.metastatic_site: metastatic specimen without the metastatic site</source>
        <translation>specimen.metastatic_site: muestra metastásica sin la localización de la metástasis</translation>
    </message>
    <message>
        <source>metastatic specimen without the metastatic site</source>
        <translation>muestra metastásica sin la localización de la metástasis</translation>
    </message>
    <message>
        <source>specimen.metastatic_site: {text} was typed before the list of sites; choose the site from the list</source>
        <translation>specimen.metastatic_site: {text} se escribió antes de que existiera la lista de localizaciones; elija la localización de la lista</translation>
    </message>
    <message>
        <source>{text} was typed before the list of sites; choose the site from the list</source>
        <translation>{text} se escribió antes de que existiera la lista de localizaciones; elija la localización de la lista</translation>
    </message>
    <message>
        <source>specimen.fixative: not 10% neutral buffered formalin; the guideline&apos;s requirements are not met</source>
        <translation>specimen.fixative: no es formol tamponado neutro al 10 %; no se cumplen los requisitos de la guía</translation>
    </message>
    <message>
        <source>not 10% neutral buffered formalin; the guideline&apos;s requirements are not met</source>
        <translation>no es formol tamponado neutro al 10 %; no se cumplen los requisitos de la guía</translation>
    </message>
    <message>
        <source>specimen.fragments: {count} biopsy fragments; at least {minimum} (ideally 6-8) are recommended; consider re-biopsy if negative</source>
        <translation>specimen.fragments: {count} fragmentos de biopsia; se recomiendan al menos {minimum} (idealmente 6-8); considere una nueva biopsia si es negativo</translation>
    </message>
    <message>
        <source>{count} biopsy fragments; at least {minimum} (ideally 6-8) are recommended; consider re-biopsy if negative</source>
        <translation>{count} fragmentos de biopsia; se recomiendan al menos {minimum} (idealmente 6-8); considere una nueva biopsia si es negativo</translation>
    </message>
    <message>
        <source>must be at most {limit} characters, not {count}</source>
        <translation>debe tener como máximo {limit} caracteres, no {count}</translation>
    </message>
    <message>
        <source>{date} is in the future (today is {today})</source>
        <translation>{date} es una fecha futura (hoy es {today})</translation>
    </message>
    <message>
        <source>required (a second patient identifier)</source>
        <translation>obligatorio (segundo identificador del paciente)</translation>
    </message>
    <message>
        <source>{date} is before the birth date {birth_date}</source>
        <translation>{date} es anterior a la fecha de nacimiento {birth_date}</translation>
    </message>
    <message>
        <source>a metastatic site is given for a primary tumour; choose metastatic or recurrent, or clear it</source>
        <translation>se ha indicado una localización metastásica para un tumor primario; elija metastásico o recidiva, o bórrela</translation>
    </message>
    <message>
        <source>{tumour} fragments with tumour is more than the {total} fragments in all</source>
        <translation>{tumour} fragmentos con tumor son más que los {total} fragmentos en total</translation>
    </message>
    <message>
        <source>controls did not stain as expected; the IHC cannot be reported (score it indeterminate and repeat)</source>
        <translation>los controles no tiñeron como se esperaba; la IHC no se puede informar (puntúela como indeterminada y repítala)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>no debe contener caracteres de control ni saltos de línea</translation>
    </message>
    <message>
        <source>{date} is before {year}</source>
        <translation>{date} es anterior a {year}</translation>
    </message>
    <message>
        <source>breast specimens need laterality: left, right, bilateral or unknown</source>
        <translation>las muestras de mama necesitan lateralidad: izquierda, derecha, bilateral o no consta</translation>
    </message>
    <message>
        <source>laterality applies to breast specimens only</source>
        <translation>la lateralidad solo se aplica a muestras de mama</translation>
    </message>
    <message>
        <source>must be at most {limit} printable characters</source>
        <translation>debe tener como máximo {limit} caracteres imprimibles</translation>
    </message>
    <message>
        <source>must be 0 minutes or more</source>
        <translation>debe ser de 0 minutos o más</translation>
    </message>
    <message>
        <source>specimen.cold_ischaemia_minutes: cold ischaemia {minutes} min is over {limit} min; report the exception</source>
        <translation>specimen.cold_ischaemia_minutes: la isquemia fría de {minutes} min supera los {limit} min; informe de la excepción</translation>
    </message>
    <message>
        <source>cold ischaemia {minutes} min is over {limit} min; report the exception</source>
        <translation>la isquemia fría de {minutes} min supera los {limit} min; informe de la excepción</translation>
    </message>
    <message>
        <source>must be 0 hours or more</source>
        <translation>debe ser de 0 horas o más</translation>
    </message>
    <message>
        <source>specimen.fixation_hours: fixation {hours} h is outside {low}-{high} h; report the exception</source>
        <translation>specimen.fixation_hours: la fijación de {hours} h está fuera de {low}-{high} h; informe de la excepción</translation>
    </message>
    <message>
        <source>fixation {hours} h is outside {low}-{high} h; report the exception</source>
        <translation>la fijación de {hours} h está fuera de {low}-{high} h; informe de la excepción</translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation>debe ser 0 o más</translation>
    </message>
    <message>
        <source>ihc.controls_acceptable: IHC 3+ without a controls result; say whether the controls stained as expected</source>
        <translation>ihc.controls_acceptable: IHC 3+ sin resultado de los controles; indique si los controles tiñeron como se esperaba</translation>
    </message>
    <message>
        <source>IHC 3+ without a controls result; say whether the controls stained as expected</source>
        <translation>IHC 3+ sin resultado de los controles; indique si los controles tiñeron como se esperaba</translation>
    </message>
    <message>
        <source>IHC 3+ needs a controls result: say whether the controls stained as expected (the lab requires it)</source>
        <translation>IHC 3+ necesita el resultado de los controles: indique si los controles tiñeron como se esperaba (el laboratorio lo exige)</translation>
    </message>
    <message>
        <source>{gastroesophageal} (CAP/ASCP/ASCO 2016 gastroesophageal criteria, as DESTINY-PanTumor02 used) or {breast} (ASCO/CAP 2018 breast criteria)</source>
        <translation>{gastroesophageal} (criterios gastroesofágicos CAP/ASCP/ASCO 2016, los que usó DESTINY-PanTumor02) o {breast} (criterios de mama ASCO/CAP 2018)</translation>
    </message>
    <message>
        <source>may contain only letters A-Z, digits and - _ / .</source>
        <translation>solo puede contener letras A-Z, dígitos y - _ / .</translation>
    </message>
    <message>
        <source>{lead}... ({count} decimal places)</source>
        <translation>{lead}... ({count} decimales)</translation>
    </message>
    <message>
        <source>{lead}... ({count} digits)</source>
        <translation>{lead}... ({count} dígitos)</translation>
    </message>
    <message>
        <source>{lead}... ({count} digits before the decimal point)</source>
        <translation>{lead}... ({count} dígitos antes de la coma decimal)</translation>
    </message>
    <message>
        <source>a number with thousands of digits</source>
        <translation>un número con miles de dígitos</translation>
    </message>
    <message>
        <source>{start}... ({count} characters)</source>
        <translation>{start}... ({count} caracteres)</translation>
    </message>
    <message>
        <source>{text} is not allowed; choose one of: {allowed}</source>
        <translation>{text} no está permitido; elija uno de: {allowed}</translation>
    </message>
    <message>
        <source>{text} is not a whole number; use digits only, e.g. 20</source>
        <translation>{text} no es un número entero; use solo dígitos, p. ej., 20</translation>
    </message>
    <message>
        <source>{text} is not a number; use digits with a decimal point, e.g. 2.15</source>
        <translation>{text} no es un número; use dígitos con coma decimal, p. ej., 2,15</translation>
    </message>
    <message>
        <source>{start}... ({count} digits) is far too large; use digits only, e.g. 20</source>
        <translation>{start}... ({count} dígitos) es demasiado grande; use solo dígitos, p. ej., 20</translation>
    </message>
    <message>
        <source>{text} is not a date; use year-month-day, e.g. 2024-03-15</source>
        <translation>{text} no es una fecha; use año-mes-día, p. ej., 2024-03-15</translation>
    </message>
    <message>
        <source>her2: average HER2 above {limit} signals per cell; check for clustered or too-numerous-to-count signals</source>
        <translation>her2: media de HER2 superior a {limit} señales por célula; compruebe si hay señales agrupadas o demasiado numerosas para contarlas</translation>
    </message>
    <message>
        <source>average HER2 above {limit} signals per cell; check for clustered or too-numerous-to-count signals</source>
        <translation>media de HER2 superior a {limit} señales por célula; compruebe si hay señales agrupadas o demasiado numerosas para contarlas</translation>
    </message>
    <message>
        <source>cep17: average CEP17 {value} is outside {low}-{high} (possible monosomy or polysomy 17); pathologist attention</source>
        <translation>cep17: la media de CEP17 {value} está fuera de {low}-{high} (posible monosomía o polisomía 17); requiere atención del patólogo</translation>
    </message>
    <message>
        <source>average CEP17 {value} is outside {low}-{high} (possible monosomy or polysomy 17); pathologist attention</source>
        <translation>la media de CEP17 {value} está fuera de {low}-{high} (posible monosomía o polisomía 17); requiere atención del patólogo</translation>
    </message>
    <message>
        <source>the percentage of cells with complete, intense membrane staining (3+ needs more than 10%)</source>
        <translation>el porcentaje de células con tinción de membrana completa e intensa (3+ necesita más del 10 %)</translation>
    </message>
    <message>
        <source>breast</source>
        <translation>mama</translation>
    </message>
    <message>
        <source>{yy}, {yyyy} (the year), and exactly one {seq} or {padded} (the counter, N from 1 to 9 digits)</source>
        <translation>{yy}, {yyyy} (el año) y exactamente un {seq} o {padded} (el contador, N de 1 a 9 dígitos)</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Inicio de sesión fallido</translation>
    </message>
    <message>
        <source>Sign-in refused (too soon or locked)</source>
        <translation>Inicio de sesión rechazado (demasiado pronto o cuenta bloqueada)</translation>
    </message>
    <message>
        <source>Account locked (wrong passwords)</source>
        <translation>Cuenta bloqueada (contraseñas incorrectas)</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>Cuenta desbloqueada</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Cierre de sesión</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Pantalla bloqueada</translation>
    </message>
    <message>
        <source>Screen unlocked</source>
        <translation>Pantalla desbloqueada</translation>
    </message>
    <message>
        <source>Report signed out</source>
        <translation>Informe firmado</translation>
    </message>
    <message>
        <source>Failed signature</source>
        <translation>Firma fallida</translation>
    </message>
    <message>
        <source>Sign-out refused</source>
        <translation>Firma rechazada</translation>
    </message>
    <message>
        <source>Adjudication refused</source>
        <translation>Resolución rechazada</translation>
    </message>
    <message>
        <source>Amendment refused</source>
        <translation>Modificación rechazada</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Handout printed</source>
        <translation>Hoja para el paciente impresa</translation>
    </message>
    <message>
        <source>Lab setting changed</source>
        <translation>Ajuste del laboratorio cambiado</translation>
    </message>
    <message>
        <source>Database roles set up</source>
        <translation>Funciones de la base de datos configuradas</translation>
    </message>
    <message>
        <source>Record created</source>
        <translation>Registro creado</translation>
    </message>
    <message>
        <source>Record changed</source>
        <translation>Registro cambiado</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>Registro eliminado</translation>
    </message>
    <message>
        <source>case</source>
        <translation>caso</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>paciente</translation>
    </message>
    <message>
        <source>specimen</source>
        <translation>muestra</translation>
    </message>
    <message>
        <source>IHC result</source>
        <translation>resultado de IHC</translation>
    </message>
    <message>
        <source>ISH result</source>
        <translation>resultado de ISH</translation>
    </message>
    <message>
        <source>ISH count</source>
        <translation>recuento de ISH</translation>
    </message>
    <message>
        <source>interpretation</source>
        <translation>interpretación</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>lab setting</source>
        <translation>ajuste del laboratorio</translation>
    </message>
    <message>
        <source>case no longer in the database</source>
        <translation>caso que ya no está en la base de datos</translation>
    </message>
    <message>
        <source>{what} of an unknown case</source>
        <translation>{what} de un caso desconocido</translation>
    </message>
    <message>
        <source>user: no such account</source>
        <translation>usuario: la cuenta no existe</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>la cuenta no existe</translation>
    </message>
    <message>
        <source>patient no longer in the database</source>
        <translation>paciente que ya no está en la base de datos</translation>
    </message>
    <message>
        <source>{table} {record}</source>
        <translation>{table} {record}</translation>
    </message>
    <message>
        <source>case {accession}</source>
        <translation>caso {accession}</translation>
    </message>
    <message>
        <source>cases {cases}</source>
        <translation>casos {cases}</translation>
    </message>
    <message>
        <source>{what} of {accession}</source>
        <translation>{what} de {accession}</translation>
    </message>
    <message>
        <source>{what} of a case no longer in the database</source>
        <translation>{what} de un caso que ya no está en la base de datos</translation>
    </message>
    <message>
        <source>user {name}</source>
        <translation>usuario {name}</translation>
    </message>
    <message>
        <source>user account no longer in the database</source>
        <translation>cuenta de usuario que ya no está en la base de datos</translation>
    </message>
    <message>
        <source>patient MRN {mrn}</source>
        <translation>paciente MRN {mrn}</translation>
    </message>
    <message>
        <source>{table} (observer {observer})</source>
        <translation>{table} (observador {observer})</translation>
    </message>
    <message>
        <source>the blinded second count must be entered by a second observer, not by the person who entered the first count; ask a colleague to enter it (an administrator can allow one person to enter both in Lab settings, for a one-person lab)</source>
        <translation>el segundo recuento ciego debe registrarlo un segundo observador, no la persona que registró el primer recuento; pida a un colega que lo registre (un administrador puede permitir que una misma persona registre ambos en la configuración del laboratorio, para un laboratorio de una sola persona)</translation>
    </message>
    <message>
        <source>stomach</source>
        <translation>estómago</translation>
    </message>
    <message>
        <source>gastroesophageal junction</source>
        <translation>unión gastroesofágica</translation>
    </message>
    <message>
        <source>esophagus</source>
        <translation>esófago</translation>
    </message>
    <message>
        <source>pancreas</source>
        <translation>páncreas</translation>
    </message>
    <message>
        <source>bladder</source>
        <translation>vejiga</translation>
    </message>
    <message>
        <source>ovary</source>
        <translation>ovario</translation>
    </message>
    <message>
        <source>another site</source>
        <translation>otra localización</translation>
    </message>
    <message>
        <source>{criteria}, applied to {site} (no site-specific guideline)</source>
        <translation>{criteria}, aplicados a {site} (sin guía específica de la localización)</translation>
    </message>
    <message>
        <source>No site-specific guideline for {site}; no scoring criteria chosen</source>
        <translation>Sin guía específica para {site}; no se han elegido criterios de valoración</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positivo</translation>
    </message>
    <message>
        <source>equivocal</source>
        <translation>equívoco</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativo</translation>
    </message>
    <message>
        <source>Near a threshold ({what}): small counting differences could change the call</source>
        <translation>Cerca de un umbral ({what}): pequeñas diferencias de recuento podrían cambiar el resultado</translation>
    </message>
    <message>
        <source>ratio {ratio} and HER2 {her2}</source>
        <translation>razón {ratio} y HER2 {her2}</translation>
    </message>
    <message>
        <source>ratio {ratio}</source>
        <translation>razón {ratio}</translation>
    </message>
    <message>
        <source>HER2 {her2}</source>
        <translation>HER2 {her2}</translation>
    </message>
    <message>
        <source>no reactivity, or no membranous reactivity in any tumour cell</source>
        <translation>sin reactividad, o sin reactividad de membrana en ninguna célula tumoral</translation>
    </message>
    <message>
        <source>IHC {score}: {staining} in {pct}% of tumour cells ({needs}; resection criteria) -&gt; {category}</source>
        <translation>IHC {score}: {staining} en el {pct}% de las células tumorales ({needs}; criterios de resección) -&gt; {category}</translation>
    </message>
    <message>
        <source>IHC {score}: {staining} in a cluster of {cluster} tumour cells (&gt;= {need}, irrespective of percentage; biopsy criteria) -&gt; {category}</source>
        <translation>IHC {score}: {staining} en un grupo de {cluster} células tumorales (&gt;= {need}, con independencia del porcentaje; criterios de biopsia) -&gt; {category}</translation>
    </message>
    <message>
        <source>strong complete, basolateral or lateral membranous staining</source>
        <translation>tinción de membrana intensa completa, basolateral o lateral</translation>
    </message>
    <message>
        <source>weak to moderate complete, basolateral or lateral membranous staining</source>
        <translation>tinción de membrana débil a moderada completa, basolateral o lateral</translation>
    </message>
    <message>
        <source>faint, barely perceptible membranous staining</source>
        <translation>tinción de membrana tenue, apenas perceptible</translation>
    </message>
    <message>
        <source>IHC 0: membranous reactivity in {pct}% of tumour cells ({allows}; resection criteria) -&gt; negative</source>
        <translation>IHC 0: reactividad de membrana en el {pct}% de las células tumorales ({allows}; criterios de resección) -&gt; negativo</translation>
    </message>
    <message>
        <source>IHC {score} as scored; no percentage entered (resection criteria; definition: {staining} in {needs} of tumour cells) -&gt; {category}</source>
        <translation>IHC {score} según la valoración; no se registró porcentaje (criterios de resección; definición: {staining} en {needs} de las células tumorales) -&gt; {category}</translation>
    </message>
    <message>
        <source>IHC 0: {definition} (biopsy criteria) -&gt; negative</source>
        <translation>IHC 0: {definition} (criterios de biopsia) -&gt; negativo</translation>
    </message>
    <message>
        <source>IHC {score} as scored; no cluster size entered (biopsy criteria; definition: {staining} in a cluster of &gt;= {need} tumour cells, irrespective of percentage) -&gt; {category}</source>
        <translation>IHC {score} según la valoración; no se registró el tamaño del grupo (criterios de biopsia; definición: {staining} en un grupo de &gt;= {need} células tumorales, con independencia del porcentaje) -&gt; {category}</translation>
    </message>
    <message>
        <source>ISH ratio &lt; 2.0 -&gt; negative</source>
        <translation>Razón ISH &lt; 2,0 -&gt; negativo</translation>
    </message>
    <message>
        <source>No site-specific HER2 guideline exists for {site}; scored with the gastroesophageal criteria chosen for this case</source>
        <translation>No existe una guía de HER2 específica para {site}; valorado con los criterios gastroesofágicos elegidos para este caso</translation>
    </message>
    <message>
        <source>A second count is part of the breast algorithm only; it was not used</source>
        <translation>Un segundo recuento solo forma parte del algoritmo de mama; no se utilizó</translation>
    </message>
    <message>
        <source>IHC 2+ -&gt; reflex ISH</source>
        <translation>IHC 2+ -&gt; ISH refleja</translation>
    </message>
    <message>
        <source>IHC 0 as scored; no percentage entered (resection criteria; definition: no reactivity, or membranous reactivity in {allows} of tumour cells) -&gt; negative</source>
        <translation>IHC 0 según la valoración; no se registró porcentaje (criterios de resección; definición: sin reactividad, o reactividad de membrana en {allows} de las células tumorales) -&gt; negativo</translation>
    </message>
    <message>
        <source>IHC 0: no membranous reactivity (0% of tumour cells; resection criteria) -&gt; negative</source>
        <translation>IHC 0: sin reactividad de membrana (0% de las células tumorales; criterios de resección) -&gt; negativo</translation>
    </message>
    <message>
        <source>Dual-probe ISH, {cells} cells: ratio {ratio} &gt;= 2.0 -&gt; amplified (copy number not used; HER2 {her2})</source>
        <translation>ISH de sonda doble, {cells} células: razón {ratio} &gt;= 2,0 -&gt; amplificado (no se usa el número de copias; HER2 {her2})</translation>
    </message>
    <message>
        <source>Dual-probe ISH, {cells} cells: ratio {ratio} &lt; 2.0 -&gt; not amplified (copy number not used; HER2 {her2})</source>
        <translation>ISH de sonda doble, {cells} células: razón {ratio} &lt; 2,0 -&gt; no amplificado (no se usa el número de copias; HER2 {her2})</translation>
    </message>
    <message>
        <source>IHC 3+ -&gt; positive</source>
        <translation>IHC 3+ -&gt; positivo</translation>
    </message>
    <message>
        <source>IHC {score} and ISH not amplified -&gt; negative</source>
        <translation>IHC {score} e ISH no amplificada -&gt; negativo</translation>
    </message>
    <message>
        <source>The guideline tests IHC first; this result rests on ISH alone</source>
        <translation>La guía estudia primero la IHC; este resultado se basa solo en la ISH</translation>
    </message>
    <message>
        <source>ISH ratio &gt;= 2.0 -&gt; positive</source>
        <translation>Razón ISH &gt;= 2,0 -&gt; positivo</translation>
    </message>
    <message>
        <source>Ratio {ratio} &lt; 2.0 with average HER2 {her2} &gt;= {threshold} -&gt; pathologist adjudication (not addressed by ToGA criteria)</source>
        <translation>Razón {ratio} &lt; 2,0 con HER2 medio {her2} &gt;= {threshold} -&gt; resolución por el patólogo/a (no contemplado por los criterios ToGA)</translation>
    </message>
    <message>
        <source>Discordance: IHC 3+ with ISH ratio {ratio} &lt; 2.0; pathologist review recommended</source>
        <translation>Discordancia: IHC 3+ con razón ISH {ratio} &lt; 2,0; se recomienda revisión por el patólogo/a</translation>
    </message>
    <message>
        <source>IHC {score} with amplified ISH is discordant -&gt; pathologist review</source>
        <translation>IHC {score} con ISH amplificada es discordante -&gt; revisión por el patólogo/a</translation>
    </message>
    <message>
        <source>Discordance: IHC {score} with ISH ratio {ratio} &gt;= 2.0</source>
        <translation>Discordancia: IHC {score} con razón ISH {ratio} &gt;= 2,0</translation>
    </message>
    <message>
        <source>ASCO/CAP 2018 (affirmed 2023), breast</source>
        <translation>ASCO/CAP 2018 (ratificada en 2023), mama</translation>
    </message>
    <message>
        <source>CAP/ASCP/ASCO 2016, gastroesophageal adenocarcinoma</source>
        <translation>CAP/ASCP/ASCO 2016, adenocarcinoma gastroesofágico</translation>
    </message>
    <message>
        <source>Group 5: ratio {ratio} &lt; 2.0 and HER2 {her2} &lt; 4.0</source>
        <translation>Grupo 5: razón {ratio} &lt; 2,0 y HER2 {her2} &lt; 4,0</translation>
    </message>
    <message>
        <source>Group 2: ratio {ratio} &gt;= 2.0 and HER2 {her2} &lt; 4.0</source>
        <translation>Grupo 2: razón {ratio} &gt;= 2,0 y HER2 {her2} &lt; 4,0</translation>
    </message>
    <message>
        <source>Group 3: ratio {ratio} &lt; 2.0 and HER2 {her2} &gt;= 6.0</source>
        <translation>Grupo 3: razón {ratio} &lt; 2,0 y HER2 {her2} &gt;= 6,0</translation>
    </message>
    <message>
        <source>Group 4: ratio {ratio} &lt; 2.0 and HER2 {her2} in [4.0, 6.0)</source>
        <translation>Grupo 4: razón {ratio} &lt; 2,0 y HER2 {her2} en [4,0, 6,0)</translation>
    </message>
    <message>
        <source>Group 1: ratio {ratio} &gt;= 2.0 and HER2 {her2} &gt;= 4.0</source>
        <translation>Grupo 1: razón {ratio} &gt;= 2,0 y HER2 {her2} &gt;= 4,0</translation>
    </message>
    <message>
        <source>Lab name</source>
        <translation>Nombre del laboratorio</translation>
    </message>
    <message>
        <source>Lab contact line</source>
        <translation>Línea de contacto del laboratorio</translation>
    </message>
    <message>
        <source>Lab name on English handouts</source>
        <translation>Nombre del laboratorio en las hojas para el paciente en inglés</translation>
    </message>
    <message>
        <source>Lab contact line on English handouts</source>
        <translation>Línea de contacto en las hojas para el paciente en inglés</translation>
    </message>
    <message>
        <source>Lab name on Spanish handouts</source>
        <translation>Nombre del laboratorio en las hojas para el paciente en español</translation>
    </message>
    <message>
        <source>Lab contact line on Spanish handouts</source>
        <translation>Línea de contacto en las hojas para el paciente en español</translation>
    </message>
    <message>
        <source>Handout paper size</source>
        <translation>Tamaño del papel de la hoja para el paciente</translation>
    </message>
    <message>
        <source>Allow self-verification</source>
        <translation>Permitir la autoverificación</translation>
    </message>
    <message>
        <source>Allow one person to enter both ISH counts</source>
        <translation>Permitir que una persona introduzca los dos recuentos de ISH</translation>
    </message>
    <message>
        <source>Allow preliminary handouts</source>
        <translation>Permitir hojas preliminares para el paciente</translation>
    </message>
    <message>
        <source>Idle lock (minutes)</source>
        <translation>Bloqueo por inactividad (minutos)</translation>
    </message>
    <message>
        <source>Default handout language</source>
        <translation>Idioma predeterminado de la hoja para el paciente</translation>
    </message>
    <message>
        <source>Lock an account after this many wrong passwords</source>
        <translation>Bloquear una cuenta tras este número de contraseñas incorrectas</translation>
    </message>
    <message>
        <source>Wait after a second wrong password (seconds)</source>
        <translation>Espera tras una segunda contraseña incorrecta (segundos)</translation>
    </message>
    <message>
        <source>Automatic accession numbers</source>
        <translation>N.º de laboratorio automáticos</translation>
    </message>
    <message>
        <source>{raw} is not allowed; use true or false</source>
        <translation>{raw} no está permitido; use true o false</translation>
    </message>
    <message>
        <source>at most {count} characters on one line</source>
        <translation>como máximo {count} caracteres en una línea</translation>
    </message>
    <message>
        <source>{raw} is not allowed; use a whole number from {low} to {high}</source>
        <translation>{raw} no está permitido; use un número entero de {low} a {high}</translation>
    </message>
    <message>
        <source>{raw} is not allowed; use one of {choices}</source>
        <translation>{raw} no está permitido; use uno de estos: {choices}</translation>
    </message>
    <message>
        <source>{raw} is not allowed; use a4, letter (US Letter) or auto (from this computer&apos;s locale)</source>
        <translation>{raw} no está permitido; use a4, letter (carta de EE. UU.) o auto (según la configuración regional de este equipo)</translation>
    </message>
    <message>
        <source>{raw} cannot be used: {error} (leave it empty to type every accession number)</source>
        <translation>{raw} no se puede usar: {error} (déjelo vacío para escribir cada n.º de laboratorio)</translation>
    </message>
    <message>
        <source>Gastroesophageal resection: a percentage equal to the limit reaches it (at least, not more than)</source>
        <translation>Resección gastroesofágica: un porcentaje igual al límite lo alcanza (al menos, no más de)</translation>
    </message>
    <message>
        <source>Gastroesophageal resection: percent of stained tumour cells needed for IHC 1+ and above</source>
        <translation>Resección gastroesofágica: porcentaje de células tumorales teñidas necesario para IHC 1+ o más</translation>
    </message>
    <message>
        <source>Gastroesophageal biopsy: smallest stained cluster for IHC 1+ and above (cells)</source>
        <translation>Biopsia gastroesofágica: grupo teñido más pequeño para IHC 1+ o más (células)</translation>
    </message>
    <message>
        <source>Gastroesophageal: send a ratio below 2.0 with a high HER2 copy number to the pathologist</source>
        <translation>Gastroesofágico: enviar al patólogo/a un cociente inferior a 2.0 con un número de copias de HER2 alto</translation>
    </message>
    <message>
        <source>Gastroesophageal: high HER2 copy number for that rule (signals per cell)</source>
        <translation>Gastroesofágico: número de copias de HER2 alto para esa regla (señales por célula)</translation>
    </message>
    <message>
        <source>Breast: flag IHC 3+ with ISH group 5 as discordant</source>
        <translation>Mama: marcar IHC 3+ con ISH grupo 5 como discordante</translation>
    </message>
    <message>
        <source>Breast: report the HER2-low descriptor</source>
        <translation>Mama: informar el descriptor HER2-low</translation>
    </message>
    <message>
        <source>Breast: report the HER2-ultralow descriptor</source>
        <translation>Mama: informar el descriptor HER2-ultralow</translation>
    </message>
    <message>
        <source>Breast: print the 2023 comment on HER2-low (IHC 0 versus 1+)</source>
        <translation>Mama: imprimir el comentario de 2023 sobre HER2-low (IHC 0 frente a 1+)</translation>
    </message>
    <message>
        <source>IHC 3+ cannot be saved without a controls result</source>
        <translation>IHC 3+ no se puede guardar sin un resultado de los controles</translation>
    </message>
    <message>
        <source>Breast IHC 3+ cannot be saved without the percentage of stained cells</source>
        <translation>IHC 3+ de mama no se puede guardar sin el porcentaje de células teñidas</translation>
    </message>
    <message>
        <source>Near-threshold notice: lowest ratio</source>
        <translation>Aviso cerca del umbral: cociente más bajo</translation>
    </message>
    <message>
        <source>Near-threshold notice: highest ratio</source>
        <translation>Aviso cerca del umbral: cociente más alto</translation>
    </message>
    <message>
        <source>Near-threshold notice: margin around 4.0 and 6.0 signals per cell</source>
        <translation>Aviso cerca del umbral: margen alrededor de 4.0 y 6.0 señales por célula</translation>
    </message>
    <message>
        <source>Warn when average HER2 signals per cell are above</source>
        <translation>Avisar cuando la media de señales de HER2 por célula supere</translation>
    </message>
    <message>
        <source>Warn when average CEP17 signals per cell are below</source>
        <translation>Avisar cuando la media de señales de CEP17 por célula sea inferior a</translation>
    </message>
    <message>
        <source>Warn when average CEP17 signals per cell are above</source>
        <translation>Avisar cuando la media de señales de CEP17 por célula supere</translation>
    </message>
    <message>
        <source>Fixation: shortest time without a warning (hours)</source>
        <translation>Fijación: tiempo mínimo sin aviso (horas)</translation>
    </message>
    <message>
        <source>Fixation: longest time without a warning (hours)</source>
        <translation>Fijación: tiempo máximo sin aviso (horas)</translation>
    </message>
    <message>
        <source>Cold ischaemia: longest time without a warning (minutes)</source>
        <translation>Isquemia fría: tiempo máximo sin aviso (minutos)</translation>
    </message>
    <message>
        <source>Gastroesophageal biopsy: fewest fragments without a warning</source>
        <translation>Biopsia gastroesofágica: número mínimo de fragmentos sin aviso</translation>
    </message>
    <message>
        <source>Report comment: ISH group 2</source>
        <translation>Comentario del informe: ISH grupo 2</translation>
    </message>
    <message>
        <source>Report comment: ISH group 3</source>
        <translation>Comentario del informe: ISH grupo 3</translation>
    </message>
    <message>
        <source>Report comment: ISH group 4</source>
        <translation>Comentario del informe: ISH grupo 4</translation>
    </message>
    <message>
        <source>Report comment: HER2-low (2023 update)</source>
        <translation>Comentario del informe: HER2-low (actualización de 2023)</translation>
    </message>
    <message>
        <source>Report comment: HER2-ultralow</source>
        <translation>Comentario del informe: HER2-ultralow</translation>
    </message>
    <message>
        <source>Report comment: HER2-low cannot be judged without a scored IHC</source>
        <translation>Comentario del informe: HER2-low no se puede valorar sin una IHC puntuada</translation>
    </message>
    <message>
        <source>Report comment: single-probe ISH needs IHC review</source>
        <translation>Comentario del informe: la ISH de sonda única necesita revisión de la IHC</translation>
    </message>
    <message>
        <source>Report comment: no site-specific guideline</source>
        <translation>Comentario del informe: sin guía específica para la localización</translation>
    </message>
    <message>
        <source>Report comment: no site-specific guideline, breast criteria used</source>
        <translation>Comentario del informe: sin guía específica para la localización, se usan los criterios de mama</translation>
    </message>
    <message>
        <source>Give HER2-low/-ultralow/-null on sites without a guideline</source>
        <translation>Dar HER2-low/-ultralow/-null en localizaciones sin guía</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>por ciento</translation>
    </message>
    <message>
        <source>signals per cell</source>
        <translation>señales por célula</translation>
    </message>
    <message>
        <source>(a HER2/CEP17 ratio)</source>
        <translation>(un cociente HER2/CEP17)</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>{raw} is not allowed; use {allowed}</source>
        <translation>{raw} no está permitido; use {allowed}</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>above {low} and at most {high}</source>
        <translation>mayor que {low} y como máximo {high}</translation>
    </message>
    <message>
        <source>from {low} to {high}</source>
        <translation>de {low} a {high}</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>células</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>fragments</source>
        <translation>fragmentos</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>text of 1 to {count} characters (line breaks allowed, no other control characters)</source>
        <translation>texto de 1 a {count} caracteres (se permiten saltos de línea, ningún otro carácter de control)</translation>
    </message>
    <message>
        <source>must not be empty; use {allowed}</source>
        <translation>no puede estar vacío; use {allowed}</translation>
    </message>
    <message>
        <source>{count} characters is too long; use {allowed}</source>
        <translation>{count} caracteres es demasiado largo; use {allowed}</translation>
    </message>
    <message>
        <source>contains the control character {code}; use {allowed}</source>
        <translation>contiene el carácter de control {code}; use {allowed}</translation>
    </message>
    <message>
        <source>, at most {count} decimal places</source>
        <translation>, con {count} decimales como máximo</translation>
    </message>
    <message>
        <source>{low} ({low_label}) is {low_value}, more than {high} ({high_label}) {high_value}; the lower limit must not exceed the upper</source>
        <translation>{low} ({low_label}) es {low_value}, más que {high} ({high_label}) {high_value}; el límite inferior no puede superar al superior</translation>
    </message>
    <message>
        <source>this account is locked after too many wrong passwords in a row; an administrator must unlock it</source>
        <translation>esta cuenta está bloqueada tras demasiadas contraseñas incorrectas seguidas; un administrador/a tiene que desbloquearla</translation>
    </message>
    <message>
        <source>too many wrong passwords in a row: wait {seconds} s before the next attempt</source>
        <translation>demasiadas contraseñas incorrectas seguidas: espere {seconds} s antes del siguiente intento</translation>
    </message>
    <message>
        <source>must be a percentage from 0 to 100, not {value}</source>
        <translation>debe ser un porcentaje de 0 a 100, no {value}</translation>
    </message>
    <message>
        <source>average {probe} signals per cell must be greater than 0, not {value}</source>
        <translation>la media de señales {probe} por célula debe ser mayor que 0, no {value}</translation>
    </message>
    <message>
        <source>at least {minimum} cells must be counted for a reportable count, not {value}</source>
        <translation>para un recuento informable se deben contar al menos {minimum} células, no {value}</translation>
    </message>
    <message>
        <source>a single-probe assay has no CEP17 probe; leave CEP17 empty or choose dual</source>
        <translation>un ensayo de sonda única no tiene sonda CEP17; deje CEP17 vacío o elija doble</translation>
    </message>
    <message>
        <source>cluster_cells: cluster size is a gastroesophageal biopsy criterion; not used for breast</source>
        <translation>cluster_cells: el tamaño del grupo es un criterio de biopsia gastroesofágica; no se usa en mama</translation>
    </message>
    <message>
        <source>cluster size is a gastroesophageal biopsy criterion; not used for breast</source>
        <translation>el tamaño del grupo es un criterio de biopsia gastroesofágica; no se usa en mama</translation>
    </message>
    <message>
        <source>IHC 3+ needs complete, intense staining in more than 10% of invasive tumour cells; {pct}% is 10% or less (intense staining in 10% or less of cells is scored 2+)</source>
        <translation>IHC 3+ necesita tinción completa e intensa en más del 10 % de las células tumorales invasivas; {pct} % es el 10 % o menos (la tinción intensa en el 10 % o menos de las células se puntúa 2+)</translation>
    </message>
    <message>
        <source>IHC 3+ needs {need}; the lab requires it</source>
        <translation>IHC 3+ necesita {need}; el laboratorio lo exige</translation>
    </message>
    <message>
        <source>stained_pct: IHC 3+ was entered without {need}; give it so the score can be checked</source>
        <translation>stained_pct: se introdujo IHC 3+ sin {need}; indíquelo para poder comprobar la puntuación</translation>
    </message>
    <message>
        <source>IHC 3+ was entered without {need}; give it so the score can be checked</source>
        <translation>se introdujo IHC 3+ sin {need}; indíquelo para poder comprobar la puntuación</translation>
    </message>
    <message>
        <source>{site} specimens are scored by their own guideline, {guideline}; scoring criteria are chosen only for {others} and other sites, so leave them empty</source>
        <translation>las muestras de {site} se valoran con su propia guía, {guideline}; los criterios de valoración solo se eligen para {others} y otras localizaciones, así que déjelos vacíos</translation>
    </message>
    <message>
        <source>the site &quot;other&quot;</source>
        <translation>la localización «otra»</translation>
    </message>
    <message>
        <source>required because {name} has no site-specific HER2 guideline: choose {choices}</source>
        <translation>obligatorio porque {name} no tiene una guía HER2 específica: elija {choices}</translation>
    </message>
    <message>
        <source>give the percentage with at most one decimal place, not {value}</source>
        <translation>indique el porcentaje con un decimal como máximo, no {value}</translation>
    </message>
    <message>
        <source>average {probe} signals per cell must be at most {limit}, not {value}</source>
        <translation>la media de señales {probe} por célula debe ser como máximo {limit}, no {value}</translation>
    </message>
    <message>
        <source>must be at most {limit} cells, not {value}</source>
        <translation>debe ser como máximo {limit} células, no {value}</translation>
    </message>
    <message>
        <source>the blinded second count needs the average HER2 signals per cell</source>
        <translation>el segundo recuento ciego necesita la media de señales HER2 por célula</translation>
    </message>
    <message>
        <source>the first count needs the average HER2 signals per cell</source>
        <translation>el primer recuento necesita la media de señales HER2 por célula</translation>
    </message>
    <message>
        <source>the blinded second count needs the number of cells counted (at least {minimum})</source>
        <translation>el segundo recuento ciego necesita el número de células contadas (al menos {minimum})</translation>
    </message>
    <message>
        <source>the first count needs the number of cells counted (at least {minimum})</source>
        <translation>el primer recuento necesita el número de células contadas (al menos {minimum})</translation>
    </message>
    <message>
        <source>a dual-probe blinded second count needs the average CEP17 signals per cell</source>
        <translation>un segundo recuento ciego de sonda doble necesita la media de señales CEP17 por célula</translation>
    </message>
    <message>
        <source>a dual-probe first count needs the average CEP17 signals per cell</source>
        <translation>un primer recuento de sonda doble necesita la media de señales CEP17 por célula</translation>
    </message>
    <message>
        <source>ISH counts were entered; say which assay was used: dual or single</source>
        <translation>se introdujeron recuentos ISH; indique qué ensayo se usó: doble o única</translation>
    </message>
    <message>
        <source>for this site ISH is called on the HER2/CEP17 ratio (CAP/ASCP/ASCO 2016); single-probe ISH cannot be interpreted here, use a dual-probe assay</source>
        <translation>en esta localización la ISH se valora por el cociente HER2/CEP17 (CAP/ASCP/ASCO 2016); la ISH de sonda única no se puede interpretar aquí, use un ensayo de sonda doble</translation>
    </message>
    <message>
        <source>with the gastroesophageal criteria ISH is called on the HER2/CEP17 ratio (CAP/ASCP/ASCO 2016); single-probe ISH cannot be interpreted here, use a dual-probe assay</source>
        <translation>con los criterios gastroesofágicos la ISH se valora por el cociente HER2/CEP17 (CAP/ASCP/ASCO 2016); la ISH de sonda única no se puede interpretar aquí, use un ensayo de sonda doble</translation>
    </message>
    <message>
        <source>IHC 1+ needs faint incomplete staining in more than 10% of cells; {pct}% is 10% or less, which is scored 0</source>
        <translation>IHC 1+ necesita tinción débil incompleta en más del 10 % de las células; {pct} % es el 10 % o menos, que se puntúa 0</translation>
    </message>
    <message>
        <source>cluster_cells: cluster size is a biopsy criterion; resections are scored on the percentage of stained cells</source>
        <translation>cluster_cells: el tamaño del grupo es un criterio de biopsia; las resecciones se puntúan por el porcentaje de células teñidas</translation>
    </message>
    <message>
        <source>cluster size is a biopsy criterion; resections are scored on the percentage of stained cells</source>
        <translation>el tamaño del grupo es un criterio de biopsia; las resecciones se puntúan por el porcentaje de células teñidas</translation>
    </message>
    <message>
        <source>stained_pct: biopsies are scored on a cluster of stained cells irrespective of percentage; the percentage is recorded but not used</source>
        <translation>stained_pct: las biopsias se puntúan por un grupo de células teñidas con independencia del porcentaje; el porcentaje se registra pero no se usa</translation>
    </message>
    <message>
        <source>biopsies are scored on a cluster of stained cells irrespective of percentage; the percentage is recorded but not used</source>
        <translation>las biopsias se puntúan por un grupo de células teñidas con independencia del porcentaje; el porcentaje se registra pero no se usa</translation>
    </message>
    <message>
        <source>biopsy IHC {ihc} needs a cluster of at least {minimum} stained tumour cells; {value} is fewer</source>
        <translation>IHC {ihc} en biopsia necesita un grupo de al menos {minimum} células tumorales teñidas; {value} son menos</translation>
    </message>
    <message>
        <source>give at most {places} decimal places, not {value}</source>
        <translation>indique como máximo {places} decimales, no {value}</translation>
    </message>
    <message>
        <source>IHC 0 allows faint incomplete staining in at most 10% of cells; {pct}% is more than 10%, which is scored 1+</source>
        <translation>IHC 0 admite tinción débil incompleta como máximo en el 10 % de las células; {pct} % es más del 10 %, que se puntúa 1+</translation>
    </message>
    <message>
        <source>resection IHC {ihc} needs membranous staining in at least {limit}% of tumour cells; {pct}% is less than that, which is scored 0</source>
        <translation>IHC {ihc} en resección necesita tinción de membrana en al menos el {limit} % de las células tumorales; {pct} % es menos, que se puntúa 0</translation>
    </message>
    <message>
        <source>resection IHC {ihc} needs membranous staining in more than {limit}% of tumour cells; {pct}% is not more than that, which is scored 0</source>
        <translation>IHC {ihc} en resección necesita tinción de membrana en más del {limit} % de las células tumorales; {pct} % no es más, que se puntúa 0</translation>
    </message>
    <message>
        <source>biopsy IHC 0 is no reactivity, or no membranous reactivity in any tumour cell; a stained cluster of {value} cells (at least {minimum}) scores at least 1+</source>
        <translation>IHC 0 en biopsia es ausencia de reactividad, o de reactividad de membrana, en cualquier célula tumoral; un grupo teñido de {value} células (al menos {minimum}) se puntúa al menos 1+</translation>
    </message>
    <message>
        <source>IHC 2+ needs stained cells: weak to moderate complete staining in more than 10% of cells, or intense complete staining in 10% or less of them (an unusual pattern); 0% means no stained cells, which is scored 0</source>
        <translation>IHC 2+ necesita células teñidas: tinción completa débil a moderada en más del 10 % de las células, o tinción completa intensa en el 10 % o menos de ellas (un patrón poco habitual); 0 % significa ninguna célula teñida, que se puntúa 0</translation>
    </message>
    <message>
        <source>resection IHC 0 allows membranous staining in less than {limit}% of tumour cells ({pct}% was entered); score 1+ or higher</source>
        <translation>IHC 0 en resección admite tinción de membrana en menos del {limit} % de las células tumorales (se introdujo {pct} %); puntúe 1+ o más</translation>
    </message>
    <message>
        <source>resection IHC 0 allows membranous staining in at most {limit}% of tumour cells ({pct}% was entered); score 1+ or higher</source>
        <translation>IHC 0 en resección admite tinción de membrana como máximo en el {limit} % de las células tumorales (se introdujo {pct} %); puntúe 1+ o más</translation>
    </message>
    <message>
        <source>stained_pct: IHC 2+ with staining in {pct}% of cells (10% or less) is an unusual pattern the guideline scores as 2+ equivocal; other samples may give different results</source>
        <translation>stained_pct: IHC 2+ con tinción en el {pct} % de las células (10 % o menos) es un patrón poco habitual que la guía puntúa como 2+ equívoco; otras muestras pueden dar resultados distintos</translation>
    </message>
    <message>
        <source>IHC 2+ with staining in {pct}% of cells (10% or less) is an unusual pattern the guideline scores as 2+ equivocal; other samples may give different results</source>
        <translation>IHC 2+ con tinción en el {pct} % de las células (10 % o menos) es un patrón poco habitual que la guía puntúa como 2+ equívoco; otras muestras pueden dar resultados distintos</translation>
    </message>
    <message>
        <source>the password is not correct</source>
        <translation>la contraseña no es correcta</translation>
    </message>
    <message>
        <source>your account does not exist or is not active; sign in again</source>
        <translation>su cuenta no existe o no está activa; vuelva a iniciar sesión</translation>
    </message>
    <message>
        <source>you are not signed in (or your sign-in has ended); sign in again</source>
        <translation>no ha iniciado sesión (o su sesión ha terminado); vuelva a iniciar sesión</translation>
    </message>
    <message>
        <source>the result was not signed out</source>
        <translation>el resultado no se ha firmado</translation>
    </message>
    <message>
        <source>the case was not amended</source>
        <translation>el caso no se ha modificado</translation>
    </message>
    <message>
        <source>the adjudication was not recorded</source>
        <translation>la resolución no se ha registrado</translation>
    </message>
    <message>
        <source>an amendment</source>
        <translation>una modificación</translation>
    </message>
    <message>
        <source>an adjudication</source>
        <translation>una resolución</translation>
    </message>
    <message>
        <source>a technologist</source>
        <translation>un/a técnico/a</translation>
    </message>
    <message>
        <source>a pathologist</source>
        <translation>un/a patólogo/a</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>un/a administrador/a</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>editar</translation>
    </message>
    <message>
        <source>submit</source>
        <translation>enviar</translation>
    </message>
    <message>
        <source>sign out</source>
        <translation>firmar</translation>
    </message>
    <message>
        <source>amend</source>
        <translation>modificar</translation>
    </message>
    <message>
        <source>adjudicate</source>
        <translation>resolver</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>gestionar usuarios</translation>
    </message>
    <message>
        <source>sign-out</source>
        <translation>firmar</translation>
    </message>
    <message>
        <source>manage-users</source>
        <translation>gestionar usuarios</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>registrado</translation>
    </message>
    <message>
        <source>signed-out</source>
        <translation>firmado</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>modificado</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>adjudication</source>
        <translation>pendiente de resolución</translation>
    </message>
    <message>
        <source>indeterminate</source>
        <translation>indeterminado</translation>
    </message>
    <message>
        <source>{role} may not {action}</source>
        <translation>{role} no puede {action}</translation>
    </message>
    <message>
        <source>a case that is {state} cannot be {action}</source>
        <translation>un caso en estado «{state}» no se puede {action}</translation>
    </message>
    <message>
        <source>the case is signed out and read-only; amend it (with a reason) to change it</source>
        <translation>el caso está firmado y es de solo lectura; modifíquelo (con un motivo) para cambiarlo</translation>
    </message>
    <message>
        <source>you entered these results; another pathologist must sign them out</source>
        <translation>usted registró estos resultados; otro patólogo/a tiene que firmarlos</translation>
    </message>
    <message>
        <source>the case has errors and no interpretation; correct it first</source>
        <translation>el caso tiene errores y no tiene interpretación; corríjalo primero</translation>
    </message>
    <message>
        <source>the interpretation is {status}, not final: complete the work-up or record an adjudicated final status with a reason</source>
        <translation>la interpretación es «{status}», no definitiva: complete el estudio o registre un estado final resuelto con un motivo</translation>
    </message>
    <message>
        <source>{what} needs a reason of at least {count} characters</source>
        <translation>{what} necesita un motivo de al menos {count} caracteres</translation>
    </message>
    <message>
        <source>the interpretation is already final ({status}); nothing to adjudicate</source>
        <translation>la interpretación ya es definitiva ({status}); no hay nada que resolver</translation>
    </message>
    <message>
        <source>an adjudicated status must be positive, negative or indeterminate</source>
        <translation>un estado resuelto tiene que ser positivo, negativo o indeterminado</translation>
    </message>
    <message>
        <source>IHC 3+ is positive; it cannot be adjudicated negative</source>
        <translation>IHC 3+ es positivo; no se puede resolver como negativo</translation>
    </message>
    <message>
        <source>the next {count} automatic accession numbers were all typed for other cases; type the accession number</source>
        <translation>los {count} siguientes n.º de laboratorio automáticos ya se escribieron para otros casos; escriba el n.º de laboratorio</translation>
    </message>
    <message>
        <source>the next automatic accession number {accession} cannot be used (an accession number {problem}); type the accession number, and ask an administrator to change the pattern</source>
        <translation>el siguiente n.º de laboratorio automático, {accession}, no se puede usar (un n.º de laboratorio {problem}); escriba el n.º de laboratorio y pida a un administrador/a que cambie el patrón</translation>
    </message>
    <message>
        <source>the user name or the password is not correct</source>
        <translation>el nombre de usuario o la contraseña no son correctos</translation>
    </message>
    <message>
        <source>you cannot deactivate your own account; another administrator must do it</source>
        <translation>no puede desactivar su propia cuenta; tiene que hacerlo otro administrador/a</translation>
    </message>
    <message>
        <source>this is the last active administrator; make another administrator first</source>
        <translation>es el último administrador/a activo; nombre antes a otro administrador/a</translation>
    </message>
    <message>
        <source>an administrator who can sign in exists: give --as NAME of an active administrator</source>
        <translation>existe un administrador/a que puede iniciar sesión: indique --as NOMBRE de un administrador/a activo</translation>
    </message>
    <message>
        <source>wait {seconds} s before the next attempt</source>
        <translation>espere {seconds} s antes del siguiente intento</translation>
    </message>
    <message>
        <source>your account: {locked}</source>
        <translation>su cuenta: {locked}</translation>
    </message>
    <message>
        <source>a user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit</source>
        <translation>un nombre de usuario tiene de 1 a 64 letras, cifras o . _ @ - y empieza por una letra o una cifra</translation>
    </message>
    <message>
        <source>a password needs at least {count} characters</source>
        <translation>una contraseña necesita al menos {count} caracteres</translation>
    </message>
    <message>
        <source>a password cannot be only spaces or invisible control characters</source>
        <translation>una contraseña no puede ser solo espacios o caracteres de control invisibles</translation>
    </message>
    <message>
        <source>role must be one of: {roles}</source>
        <translation>la función tiene que ser una de: {roles}</translation>
    </message>
    <message>
        <source>only an administrator may manage users, signed in as themselves</source>
        <translation>solo un administrador/a, con su propia sesión iniciada, puede gestionar usuarios</translation>
    </message>
    <message>
        <source>there is no user with id {user_id}</source>
        <translation>no hay ningún usuario con id {user_id}</translation>
    </message>
    <message>
        <source>there is already a user named {username}</source>
        <translation>ya existe un usuario llamado {username}</translation>
    </message>
    <message>
        <source>only a demo database signs in without a password</source>
        <translation>solo una base de datos de demostración inicia sesión sin contraseña</translation>
    </message>
    <message>
        <source>the first user must be an administrator</source>
        <translation>el primer usuario tiene que ser administrador/a</translation>
    </message>
    <message>
        <source>only a signed-in administrator may add users</source>
        <translation>solo un administrador/a con la sesión iniciada puede añadir usuarios</translation>
    </message>
    <message>
        <source>type your password to sign</source>
        <translation>escriba su contraseña para firmar</translation>
    </message>
    <message>
        <source>without --as only a locked administrator is unlocked; unlock one, sign in as them and unlock {user} with --as</source>
        <translation>sin --as solo se desbloquea a un administrador bloqueado; desbloquee a uno, inicie sesión como él y desbloquee a {user} con --as</translation>
    </message>
    <message>
        <source>accession {accession} is already stored; open that case to change it</source>
        <translation>el n.º de laboratorio {accession} ya está guardado; abra ese caso para cambiarlo</translation>
    </message>
    <message>
        <source>case {accession} is not stored; it cannot be updated</source>
        <translation>el caso {accession} no está guardado; no se puede actualizar</translation>
    </message>
    <message>
        <source>case {accession} is not signed out ({state}); only a signed-out result goes to the patient</source>
        <translation>el caso {accession} no está firmado ({state}); solo un resultado firmado se entrega al paciente</translation>
    </message>
    <message>
        <source>case {accession} is not signed out ({state}), and this lab does not allow preliminary handouts; an administrator can allow them with `{command}`</source>
        <translation>el caso {accession} no está firmado ({state}) y este laboratorio no permite hojas preliminares para el paciente; un administrador/a puede permitirlas con `{command}`</translation>
    </message>
    <message>
        <source>no case with accession &apos;{accession}&apos; in this database</source>
        <translation>no hay ningún caso con el n.º de laboratorio «{accession}» en esta base de datos</translation>
    </message>
    <message>
        <source>case {accession} changed after this handout was made; make the handout again</source>
        <translation>el caso {accession} cambió después de hacer esta hoja para el paciente; hágala de nuevo</translation>
    </message>
    <message>
        <source>case {accession}: {error}</source>
        <translation>caso {accession}: {error}</translation>
    </message>
    <message>
        <source>only an administrator may change lab settings</source>
        <translation>solo un administrador/a puede cambiar los ajustes del laboratorio</translation>
    </message>
    <message>
        <source>cases {accessions} are</source>
        <translation>los casos {accessions} están</translation>
    </message>
    <message>
        <source>case {accession} is</source>
        <translation>el caso {accession} está</translation>
    </message>
    <message>
        <source>the patient with MRN {mrn} was changed by {by} meanwhile (now {name}); nothing was saved — look at the stored details and correct again if needed</source>
        <translation>{by} ha cambiado mientras tanto el paciente con MRN {mrn} (ahora {name}); no se ha guardado nada: revise los datos guardados y vuelva a corregir si hace falta</translation>
    </message>
    <message>
        <source>no patient with MRN {mrn} is stored</source>
        <translation>no hay ningún paciente guardado con MRN {mrn}</translation>
    </message>
    <message>
        <source>a patient correction</source>
        <translation>una corrección del paciente</translation>
    </message>
    <message>
        <source>{born} is after the collection date of case {accession} ({collected})</source>
        <translation>{born} es posterior a la fecha de obtención del caso {accession} ({collected})</translation>
    </message>
    <message>
        <source>the MRN cannot be changed here ({mrn}); a different MRN is a different patient</source>
        <translation>el MRN no se puede cambiar aquí ({mrn}); un MRN distinto es otro paciente</translation>
    </message>
    <message>
        <source>the details entered are the stored ones; there is nothing to correct</source>
        <translation>los datos introducidos son los guardados; no hay nada que corregir</translation>
    </message>
    <message>
        <source>{cases} signed out; only a pathologist (signed in) may correct the patient of signed-out cases (their earlier handouts are then superseded)</source>
        <translation>{cases} firmado(s); solo un patólogo/a (con la sesión iniciada) puede corregir el paciente de casos firmados (sus hojas para el paciente anteriores quedan entonces sustituidas)</translation>
    </message>
    <message>
        <source>{refusal}: only a technologist or pathologist may correct patient details</source>
        <translation>{refusal}: solo un técnico/a o un patólogo/a puede corregir los datos del paciente</translation>
    </message>
    <message>
        <source>case {accession} is not signed out ({state}); only a signed-out version gets a final report</source>
        <translation>el caso {accession} no está firmado ({state}); solo una versión firmada tiene informe definitivo</translation>
    </message>
    <message>
        <source>case {accession} is not signed out ({state}), and this lab does not allow preliminary documents; an administrator can allow them with `{command}`</source>
        <translation>el caso {accession} no está firmado ({state}) y este laboratorio no permite documentos preliminares; un administrador/a puede permitirlos con `{command}`</translation>
    </message>
    <message>
        <source>case {accession} changed after this report was made; make the report again</source>
        <translation>el caso {accession} cambió después de hacer este informe; hágalo de nuevo</translation>
    </message>
    <message>
        <source>case {accession} is not stored</source>
        <translation>el caso {accession} no está guardado</translation>
    </message>
    <message>
        <source>case {accession} is not signed out; only a preliminary handout may be printed</source>
        <translation>el caso {accession} no está firmado; solo se puede imprimir una hoja preliminar para el paciente</translation>
    </message>
    <message>
        <source>is required when the site is Other: say which site it is</source>
        <translation>es obligatorio cuando la localización es Otra: indique qué localización es</translation>
    </message>
    <message>
        <source>Other: {site}</source>
        <translation>Otra: {site}</translation>
    </message>
    <message>
        <source>{code} ({words})</source>
        <translation>{code} ({words})</translation>
    </message>
    <message>
        <source>{value} is not one of the sites; choose one of: {choices}</source>
        <translation>{value} no es una de las localizaciones; elija una de: {choices}</translation>
    </message>
    <message>
        <source>must not start or end with spaces</source>
        <translation>no debe empezar ni terminar con espacios</translation>
    </message>
    <message>
        <source>must be at most {limit} characters, not {length}</source>
        <translation>debe tener como máximo {limit} caracteres, no {length}</translation>
    </message>
    <message>
        <source>must be one line of printable characters</source>
        <translation>debe ser una sola línea de caracteres imprimibles</translation>
    </message>
    <message>
        <source>{value} looks like a date; give the site in words</source>
        <translation>{value} parece una fecha; indique la localización con palabras</translation>
    </message>
    <message>
        <source>{value} looks like a date; choose the site the sample came from</source>
        <translation>{value} parece una fecha; elija la localización de la que procede la muestra</translation>
    </message>
    <message>
        <source>recount_her2: average HER2 above {limit} signals per cell; check for clustered or too-numerous-to-count signals</source>
        <translation>recount_her2: media de HER2 superior a {limit} señales por célula; compruebe si hay señales agrupadas o demasiado numerosas para contarlas</translation>
    </message>
    <message>
        <source>recount_cep17: average CEP17 {value} is outside {low}-{high} (possible monosomy or polysomy 17); pathologist attention</source>
        <translation>recount_cep17: la media de CEP17 {value} está fuera de {low}-{high} (posible monosomía o polisomía 17); requiere atención del patólogo</translation>
    </message>
    <message>
        <source>required; choose one of: {choices}</source>
        <translation>obligatorio; elija uno de: {choices}</translation>
    </message>
    <message>
        <source>nothing to interpret: enter an IHC score (0, 1+, 2+, 3+ or indeterminate) or an ISH count</source>
        <translation>nada que interpretar: introduzca una puntuación IHC (0, 1+, 2+, 3+ o indeterminada) o un recuento ISH</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to {limit}, not {value}</source>
        <translation>debe ser un número entero de 0 a {limit}, no {value}</translation>
    </message>
    <message>
        <source>procedure: an endoscopic biopsy is unusual for a breast specimen; check the procedure</source>
        <translation>procedure: una biopsia endoscópica es poco habitual en una muestra de mama; compruebe el procedimiento</translation>
    </message>
    <message>
        <source>an endoscopic biopsy is unusual for a breast specimen; check the procedure</source>
        <translation>una biopsia endoscópica es poco habitual en una muestra de mama; compruebe el procedimiento</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Accession number</source>
        <translation>N.º de laboratorio</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Localización</translation>
    </message>
    <message>
        <source>Scoring criteria</source>
        <translation>Criterios de valoración</translation>
    </message>
    <message>
        <source>Laterality</source>
        <translation>Lateralidad</translation>
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
        <source>Metastatic site (other)</source>
        <translation>Localización metastásica (otra)</translation>
    </message>
    <message>
        <source>Collection date</source>
        <translation>Fecha de obtención</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloque</translation>
    </message>
    <message>
        <source>Fixative</source>
        <translation>Fijador</translation>
    </message>
    <message>
        <source>Cold ischaemia minutes</source>
        <translation>Minutos de isquemia fría</translation>
    </message>
    <message>
        <source>Fixation hours</source>
        <translation>Horas de fijación</translation>
    </message>
    <message>
        <source>Fragments</source>
        <translation>Fragmentos</translation>
    </message>
    <message>
        <source>Fragments with tumour</source>
        <translation>Fragmentos con tumor</translation>
    </message>
    <message>
        <source>Antibody clone</source>
        <translation>Clon del anticuerpo</translation>
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
        <source>IHC score</source>
        <translation>Puntuación IHC</translation>
    </message>
    <message>
        <source>Stained percent</source>
        <translation>Porcentaje teñido</translation>
    </message>
    <message>
        <source>Cluster size</source>
        <translation>Tamaño del grupo</translation>
    </message>
    <message>
        <source>ISH probe</source>
        <translation>Sonda ISH</translation>
    </message>
    <message>
        <source>ISH method</source>
        <translation>Método ISH</translation>
    </message>
    <message>
        <source>HER2 signals per cell</source>
        <translation>Señales HER2 por célula</translation>
    </message>
    <message>
        <source>CEP17 signals per cell</source>
        <translation>Señales CEP17 por célula</translation>
    </message>
    <message>
        <source>Cells counted</source>
        <translation>Células contadas</translation>
    </message>
    <message>
        <source>Second count HER2 signals per cell</source>
        <translation>Segundo recuento: señales HER2 por célula</translation>
    </message>
    <message>
        <source>Second count CEP17 signals per cell</source>
        <translation>Segundo recuento: señales CEP17 por célula</translation>
    </message>
    <message>
        <source>Second count cells counted</source>
        <translation>Segundo recuento: células contadas</translation>
    </message>
</context>
<context>
    <name>HandoutActions</name>
    <message>
        <source>Open a case, or select one case in the worklist, to see its handout</source>
        <translation>Abra un caso, o seleccione un caso en la lista de trabajo, para ver su hoja para el paciente</translation>
    </message>
    <message>
        <source>Select one or more cases in the worklist first</source>
        <translation>Seleccione primero uno o más casos en la lista de trabajo</translation>
    </message>
    <message>
        <source>Handouts are being made</source>
        <translation>Se están preparando las hojas para el paciente</translation>
    </message>
    <message>
        <source>Handout &amp;preview…</source>
        <translation>&amp;Vista previa de la hoja para el paciente…</translation>
    </message>
    <message>
        <source>P&amp;rint handouts of selected cases…</source>
        <translation>Imprimir las &amp;hojas de los casos seleccionados…</translation>
    </message>
    <message>
        <source>Save &amp;handouts of selected cases as PDFs…</source>
        <translation>Guardar las hojas de los casos seleccionados como &amp;PDF…</translation>
    </message>
    <message>
        <source>Handout of case {accession} recorded</source>
        <translation>Hoja para el paciente del caso {accession} registrada</translation>
    </message>
    <message>
        <source>Print {count} handouts</source>
        <translation>Imprimir {count} hojas para el paciente</translation>
    </message>
    <message>
        <source>Printing cancelled; nothing was recorded</source>
        <translation>Impresión cancelada; no se registró nada</translation>
    </message>
    <message>
        <source>Handouts printed</source>
        <translation>Hojas para el paciente impresas</translation>
    </message>
    <message>
        <source>Handouts saved</source>
        <translation>Hojas para el paciente guardadas</translation>
    </message>
</context>
<context>
    <name>HandoutBatch</name>
    <message>
        <source>Print handouts of {count} cases</source>
        <translation>Imprimir las hojas para el paciente de {count} casos</translation>
    </message>
    <message>
        <source>Save handouts of {count} cases</source>
        <translation>Guardar las hojas para el paciente de {count} casos</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Cases not signed out: a page marked PRELIMINARY — NOT FINAL</source>
        <translation>Casos sin firmar: una página marcada PRELIMINAR — NO DEFINITIVO</translation>
    </message>
    <message>
        <source>Cases that are not signed out are skipped (the lab allows no preliminary pages).</source>
        <translation>Los casos sin firmar se omiten (el laboratorio no permite páginas preliminares).</translation>
    </message>
    <message>
        <source>Save handouts into folder</source>
        <translation>Guardar las hojas para el paciente en la carpeta</translation>
    </message>
    <message>
        <source>Handout {number} of {count}: case {accession}</source>
        <translation>Hoja {number} de {count}: caso {accession}</translation>
    </message>
    <message>
        <source>Printing handouts</source>
        <translation>Imprimiendo hojas para el paciente</translation>
    </message>
    <message>
        <source>Saving handouts</source>
        <translation>Guardando hojas para el paciente</translation>
    </message>
    <message>
        <source>Check the names: no font could print some characters (the page shows �):</source>
        <translation>Revise los nombres: ninguna fuente pudo imprimir algunos caracteres (la página muestra �):</translation>
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
    <name>History</name>
    <message>
        <source>Collected</source>
        <translation>Obtenida</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>N.º de laboratorio</translation>
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
        <source>Setting</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>IHC</source>
        <translation>IHC</translation>
    </message>
    <message>
        <source>ISH group</source>
        <translation>Grupo ISH</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>sin fecha</translation>
    </message>
    <message>
        <source>Choose a case or type an MRN and press History to see the patient&apos;s time line.</source>
        <translation>Elija un caso o escriba un MRN y pulse Historial para ver la cronología del paciente.</translation>
    </message>
    <message>
        <source>No stored cases for MRN {mrn}.</source>
        <translation>No hay casos guardados para el MRN {mrn}.</translation>
    </message>
    <message>
        <source>No patient chosen.</source>
        <translation>No se ha elegido ningún paciente.</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>nacido/a el {date}</translation>
    </message>
    <message>
        <source>birth date not recorded</source>
        <translation>fecha de nacimiento no registrada</translation>
    </message>
    <message>
        <source>1 specimen</source>
        <translation>1 muestra</translation>
    </message>
    <message>
        <source>{count} specimens</source>
        <translation>{count} muestras</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; — MRN {mrn}, {born}: {specimens}, oldest first</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — MRN {mrn}, {born}: {specimens}, de la más antigua a la más reciente</translation>
    </message>
    <message>
        <source>⚠ HER2 status changed in {count} later specimen(s); see the highlighted rows.</source>
        <translation>⚠ El estado de HER2 cambió en {count} muestra(s) posterior(es); vea las filas resaltadas.</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Show the whole history on the time line again (Esc)</source>
        <translation>Volver a mostrar todo el historial en la cronología (Esc)</translation>
    </message>
    <message>
        <source>Time line from</source>
        <translation>Cronología desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>The &apos;to&apos; date ({last}) must be on or after the &apos;Time line from&apos; date ({first}); the time line still shows the previous range.</source>
        <translation>La fecha «hasta» ({last}) debe ser igual o posterior a la fecha «Cronología desde» ({first}); la cronología sigue mostrando el intervalo anterior.</translation>
    </message>
    <message>
        <source>No specimen in this date range: press Show all (or Esc) to see the whole history.</source>
        <translation>No hay muestras en este intervalo de fechas: pulse Mostrar todo (o Esc) para ver todo el historial.</translation>
    </message>
    <message>
        <source>{count} label(s) left out for want of room: hover a point, or narrow the date range.</source>
        <translation>{count} etiqueta(s) omitida(s) por falta de espacio: pase el ratón por un punto o acorte el intervalo de fechas.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>The password is not correct</source>
        <translation>La contraseña no es correcta</translation>
    </message>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>¿Descartar los cambios sin guardar?</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Cambiar de &amp;usuario…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;her2desk is locked&lt;/h2&gt;&lt;p&gt;Signed in as &lt;b&gt;{user}&lt;/b&gt; ({role}). Type your password to continue, or switch user.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;her2desk está bloqueado&lt;/h2&gt;&lt;p&gt;Sesión iniciada: &lt;b&gt;{user}&lt;/b&gt; ({role}). Escriba su contraseña para continuar o cambie de usuario.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The database could not be reached, so the password cannot be checked: {reason}</source>
        <translation>No se ha podido acceder a la base de datos, así que no se puede comprobar la contraseña: {reason}</translation>
    </message>
    <message>
        <source>The signed-in user</source>
        <translation>El usuario con la sesión iniciada</translation>
    </message>
    <message>
        <source>{user} has unsaved changes in the case form. Switching user discards them. Switch anyway?</source>
        <translation>{user} tiene cambios sin guardar en el formulario del caso. Al cambiar de usuario se descartan. ¿Cambiar de todos modos?</translation>
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
        <source>Guideline result: {engine} — reported: {reported}, adjudicated by {user}</source>
        <translation>Resultado según la guía: {engine} — informado: {reported}, resuelto por {user}</translation>
    </message>
    <message>
        <source>Guideline result: {engine} — reported: {reported}, adjudicated</source>
        <translation>Resultado según la guía: {engine} — informado: {reported}, resuelto</translation>
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
    <name>LabSettings</name>
    <message>
        <source>Only an administrator can change the lab settings; they are shown here read-only.</source>
        <translation>Solo un administrador/a puede cambiar los ajustes del laboratorio; aquí se muestran en modo de solo lectura.</translation>
    </message>
    <message>
        <source>These settings apply at once to every workstation on this database. Changes are audited.</source>
        <translation>Estos ajustes se aplican de inmediato a todos los puestos de esta base de datos. Los cambios quedan registrados en la auditoría.</translation>
    </message>
    <message>
        <source>Rules the guideline leaves to the laboratory (her2desk&apos;s defaults shown until changed). Every result is stored with the rules version these settings give, so it can always be re-derived.</source>
        <translation>Reglas que la guía deja al laboratorio (se muestran los valores predeterminados de her2desk hasta que se cambien). Cada resultado se guarda con la versión de las reglas que dan estos ajustes, de modo que siempre se puede volver a obtener.</translation>
    </message>
    <message>
        <source>The comments printed with a result on the pathology report (not the patient handout). Replace the paraphrases with your laboratory&apos;s exact wording.</source>
        <translation>Los comentarios que se imprimen con un resultado en el informe de anatomía patológica (no en la hoja para el paciente). Sustituya las paráfrasis por la redacción exacta de su laboratorio.</translation>
    </message>
    <message>
        <source>printed on the patient handout</source>
        <translation>se imprime en la hoja para el paciente</translation>
    </message>
    <message>
        <source>the handout&apos;s contact line, e.g. Call 555-0100, Monday to Friday</source>
        <translation>la línea de contacto de la hoja, p. ej., Llame al 555-0100, de lunes a viernes</translation>
    </message>
    <message>
        <source>one-person labs: whoever entered the results may sign them out</source>
        <translation>laboratorios de una sola persona: quien registró los resultados puede firmarlos</translation>
    </message>
    <message>
        <source>a case not signed out may get a page marked PRELIMINARY — NOT FINAL</source>
        <translation>un caso sin firmar puede recibir una hoja marcada PRELIMINAR — NO ES DEFINITIVO</translation>
    </message>
    <message>
        <source>the window locks after this many idle minutes (1-240)</source>
        <translation>la ventana se bloquea tras estos minutos de inactividad (1-240)</translation>
    </message>
    <message>
        <source>the language a new handout starts in</source>
        <translation>el idioma con el que empieza una hoja nueva</translation>
    </message>
    <message>
        <source>the lab&apos;s name on English handouts; empty: the lab name above</source>
        <translation>el nombre del laboratorio en las hojas en inglés; vacío: el nombre del laboratorio de arriba</translation>
    </message>
    <message>
        <source>the contact line on English handouts; empty: the contact line above</source>
        <translation>la línea de contacto en las hojas en inglés; vacío: la línea de contacto de arriba</translation>
    </message>
    <message>
        <source>the lab&apos;s name on Spanish handouts; empty: the lab name above (the preview warns)</source>
        <translation>el nombre del laboratorio en las hojas en español; vacío: el nombre del laboratorio de arriba (la vista previa avisa)</translation>
    </message>
    <message>
        <source>the contact line on Spanish handouts; empty: the contact line above (the preview warns)</source>
        <translation>la línea de contacto en las hojas en español; vacío: la línea de contacto de arriba (la vista previa avisa)</translation>
    </message>
    <message>
        <source>a4, letter, or auto: the paper of this computer&apos;s locale (US Letter in the US, Canada, Mexico and a few more; A4 elsewhere)</source>
        <translation>a4, letter o auto: el papel de la configuración regional de este ordenador (Carta en EE. UU., Canadá, México y algunos más; A4 en los demás)</translation>
    </message>
    <message>
        <source>wrong passwords in a row (sign-in and signature) before an administrator must unlock the account (3-20)</source>
        <translation>contraseñas incorrectas seguidas (inicio de sesión y firma) antes de que un administrador/a tenga que desbloquear la cuenta (3-20)</translation>
    </message>
    <message>
        <source>a new case saved with an empty accession gets the next number, e.g. H{yy}-{seq:06} gives H26-000001: {yy} or {yyyy} the year, {seq:06} the counter (restarts each year when the pattern has one); empty: every accession is typed</source>
        <translation>un caso nuevo guardado sin n.º de laboratorio recibe el número siguiente, p. ej., H{yy}-{seq:06} da H26-000001: {yy} o {yyyy} el año, {seq:06} el contador (se reinicia cada año si el patrón lleva año); vacío: cada n.º de laboratorio se escribe a mano</translation>
    </message>
    <message>
        <source>seconds the next attempt waits after a second wrong password in a row, doubling after each further one (0-60)</source>
        <translation>segundos que espera el siguiente intento tras una segunda contraseña incorrecta seguida, el doble tras cada una más (0-60)</translation>
    </message>
    <message>
        <source>Lab settings</source>
        <translation>Ajustes del laboratorio</translation>
    </message>
    <message>
        <source>Stored value not used: {problem}</source>
        <translation>Valor guardado no utilizado: {problem}</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Reglas</translation>
    </message>
    <message>
        <source>Report &amp;comments</source>
        <translation>&amp;Comentarios del informe</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Rules version: {version} (stored with every result interpreted with these rules and comments; a change gives a new version)</source>
        <translation>Versión de las reglas: {version} (se guarda con cada resultado interpretado con estas reglas y comentarios; un cambio da una versión nueva)</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the values marked in red.</source>
        <translation>No se ha guardado nada: corrija los valores marcados en rojo.</translation>
    </message>
    <message>
        <source>Nothing was saved: {reason}</source>
        <translation>No se ha guardado nada: {reason}</translation>
    </message>
    <message>
        <source>Nothing was saved; the database could not be written: {reason}</source>
        <translation>No se ha guardado nada; no se ha podido escribir en la base de datos: {reason}</translation>
    </message>
    <message>
        <source> (rules version {version})</source>
        <translation> (versión de las reglas {version})</translation>
    </message>
    <message>
        <source>Lab settings saved: {labels}{version}</source>
        <translation>Ajustes del laboratorio guardados: {labels}{version}</translation>
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
        <source>Read-only: {reason}.</source>
        <translation>Solo lectura: {reason}.</translation>
    </message>
    <message>
        <source>administrators manage users and settings; they do not enter cases</source>
        <translation>los administradores gestionan los usuarios y la configuración; no registran casos</translation>
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
    <message>
        <source>Demo accounts: password {password}</source>
        <translation>Cuentas de demostración: contraseña {password}</translation>
    </message>
    <message>
        <source>Demo accounts (password {password}): {names}</source>
        <translation>Cuentas de demostración (contraseña {password}): {names}</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>open a stored case first</source>
        <translation>abra primero un caso guardado</translation>
    </message>
    <message>
        <source>Correct &amp;patient details…</source>
        <translation>Corregir los datos del &amp;paciente…</translation>
    </message>
    <message>
        <source>Cannot correct patient details: {reasons}</source>
        <translation>No se pueden corregir los datos del paciente: {reasons}</translation>
    </message>
    <message>
        <source>Patient {mrn}: nothing was changed</source>
        <translation>Paciente {mrn}: no se ha cambiado nada</translation>
    </message>
    <message>
        <source>Corrected patient {mrn} ({old} → {new}) on 1 case</source>
        <translation>Paciente {mrn} corregido ({old} → {new}) en 1 caso</translation>
    </message>
    <message>
        <source>Corrected patient {mrn} ({old} → {new}) on {count} cases</source>
        <translation>Paciente {mrn} corregido ({old} → {new}) en {count} casos</translation>
    </message>
    <message>
        <source>; {count} earlier handout(s) marked superseded</source>
        <translation>; {count} hoja(s) para el paciente anterior(es) marcada(s) como sustituida(s)</translation>
    </message>
    <message>
        <source>. Case {accession} keeps its unsaved changes: save it (Ctrl+S)</source>
        <translation>. El caso {accession} conserva sus cambios sin guardar: guárdelo (Ctrl+S)</translation>
    </message>
    <message>
        <source>Not corrected: fix the marked fields.</source>
        <translation>No se ha corregido: corrija los campos marcados.</translation>
    </message>
    <message>
        <source>MRN {mrn}: the corrected details apply to all of this patient&apos;s cases{cases}. If a case is signed out, only a pathologist may correct them, and the handouts printed so far are marked superseded (they carry the old details). The change and its reason are audited.</source>
        <translation>MRN {mrn}: los datos corregidos se aplican a todos los casos de este paciente{cases}. Si un caso está firmado, solo un patólogo/a puede corregirlos, y las hojas para el paciente impresas hasta ahora se marcan como sustituidas (llevan los datos antiguos). El cambio y su motivo quedan registrados en la auditoría.</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Apellidos</translation>
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
        <source>Se&amp;x</source>
        <translation>Se&amp;xo</translation>
    </message>
</context>
<context>
    <name>PdfFiles</name>
    <message>
        <source>{count} handout printed and recorded.</source>
        <translation>{count} hoja para el paciente impresa y registrada.</translation>
    </message>
    <message>
        <source>{count} handouts printed and recorded.</source>
        <translation>{count} hojas para el paciente impresas y registradas.</translation>
    </message>
    <message>
        <source>{count} handout saved and recorded.</source>
        <translation>{count} hoja para el paciente guardada y registrada.</translation>
    </message>
    <message>
        <source>{count} handouts saved and recorded.</source>
        <translation>{count} hojas para el paciente guardadas y registradas.</translation>
    </message>
    <message>
        <source>{count} report printed and recorded.</source>
        <translation>{count} informe impreso y registrado.</translation>
    </message>
    <message>
        <source>{count} reports printed and recorded.</source>
        <translation>{count} informes impresos y registrados.</translation>
    </message>
    <message>
        <source>{count} report saved and recorded.</source>
        <translation>{count} informe guardado y registrado.</translation>
    </message>
    <message>
        <source>{count} reports saved and recorded.</source>
        <translation>{count} informes guardados y registrados.</translation>
    </message>
    <message>
        <source>Nothing was printed: {error}.</source>
        <translation>No se ha impreso nada: {error}.</translation>
    </message>
    <message>
        <source>Nothing was saved: {error}.</source>
        <translation>No se ha guardado nada: {error}.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed and nothing was recorded.</source>
        <translation>Cancelado: no se ha impreso ni registrado nada.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved and nothing was recorded.</source>
        <translation>Cancelado: no se ha guardado ni registrado nada.</translation>
    </message>
    <message>
        <source>Printed but NOT recorded in the print log:</source>
        <translation>Impresos pero NO registrados en el registro de impresiones:</translation>
    </message>
    <message>
        <source>Saved but NOT recorded in the print log:</source>
        <translation>Guardados pero NO registrados en el registro de impresiones:</translation>
    </message>
    <message>
        <source>the print log could not be written: {reason}</source>
        <translation>no se ha podido escribir el registro de impresiones: {reason}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Not saved: cannot write {path}: {reason}. Nothing was recorded.</source>
        <translation>No guardado: no se puede escribir {path}: {reason}. No se ha registrado nada.</translation>
    </message>
    <message>
        <source>Saved to {path}, but NOT recorded in the print log: {reasons}</source>
        <translation>Guardado en {path}, pero NO registrado en el registro de impresiones: {reasons}</translation>
    </message>
    <message>
        <source>Saved to {path} and recorded (SHA-256 {digest}…).</source>
        <translation>Guardado en {path} y registrado (SHA-256 {digest}…).</translation>
    </message>
    <message>
        <source>Cancelled before the end: the remaining cases were not done.</source>
        <translation>Cancelado antes del final: los casos restantes no se han hecho.</translation>
    </message>
    <message>
        <source>Skipped {count}:</source>
        <translation>Omitidos {count}:</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Imprimir la hoja para el paciente</translation>
    </message>
    <message>
        <source>could not be made: {reason}</source>
        <translation>no se ha podido hacer: {reason}</translation>
    </message>
    <message>
        <source>the printer could not be started; nothing was printed</source>
        <translation>no se ha podido iniciar la impresora; no se ha impreso nada</translation>
    </message>
    <message>
        <source>the printer did not accept the job; nothing was recorded</source>
        <translation>la impresora no aceptó el trabajo; no se ha registrado nada</translation>
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
    <name>ReportPreview</name>
    <message>
        <source>Open a case, or select one case in the worklist, to see its report</source>
        <translation>Abra un caso, o seleccione un caso en la lista de trabajo, para ver su informe</translation>
    </message>
    <message>
        <source>Select one or more cases in the worklist first</source>
        <translation>Seleccione primero uno o más casos en la lista de trabajo</translation>
    </message>
    <message>
        <source>Reports are being saved</source>
        <translation>Se están guardando los informes</translation>
    </message>
    <message>
        <source>Re&amp;port preview…</source>
        <translation>Vista previa del &amp;informe…</translation>
    </message>
    <message>
        <source>Save r&amp;eports of selected cases as PDFs…</source>
        <translation>Guardar los inf&amp;ormes de los casos seleccionados como PDF…</translation>
    </message>
    <message>
        <source>Report of case {accession} recorded</source>
        <translation>Informe del caso {accession} registrado</translation>
    </message>
    <message>
        <source>Reports saved</source>
        <translation>Informes guardados</translation>
    </message>
    <message>
        <source>Save reports into folder</source>
        <translation>Guardar los informes en la carpeta</translation>
    </message>
    <message>
        <source>Save reports of {count} cases</source>
        <translation>Guardar los informes de {count} casos</translation>
    </message>
    <message>
        <source>Cases that are not signed out: save a report marked PRELIMINARY — NOT FINAL on every page?

Yes: preliminary reports for them. No: skip them (signed-out cases get their final report).</source>
        <translation>Casos que no están firmados: ¿guardar un informe marcado PRELIMINAR — NO ES DEFINITIVO en cada página?

Sí: informes preliminares para ellos. No: omitirlos (los casos firmados reciben su informe definitivo).</translation>
    </message>
    <message>
        <source>case {accession} changed after this preview was made; close the preview and open it again</source>
        <translation>el caso {accession} cambió después de hacer esta vista previa; cierre la vista previa y ábrala de nuevo</translation>
    </message>
    <message>
        <source>Saving reports</source>
        <translation>Guardando los informes</translation>
    </message>
    <message>
        <source>Report {number} of {count}: case {accession}</source>
        <translation>Informe {number} de {count}: caso {accession}</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Preparando el informe…</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PRELIMINARY — NOT FINAL</source>
        <translation>PRELIMINAR — NO ES DEFINITIVO</translation>
    </message>
    <message>
        <source>Amended report</source>
        <translation>Informe modificado</translation>
    </message>
    <message>
        <source>Final report</source>
        <translation>Informe definitivo</translation>
    </message>
    <message>
        <source>Report — case {accession}</source>
        <translation>Informe — caso {accession}</translation>
    </message>
    <message>
        <source>Preliminary report (every page marked NOT FINAL)</source>
        <translation>Informe preliminar (cada página marcada NO ES DEFINITIVO)</translation>
    </message>
    <message>
        <source>The case is not signed out; the lab allows a report marked PRELIMINARY — NOT FINAL</source>
        <translation>El caso no está firmado; el laboratorio permite un informe marcado PRELIMINAR — NO ES DEFINITIVO</translation>
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
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} páginas</translation>
    </message>
    <message>
        <source>{kind} — report version {version}, {pages}, as stored. Print and Save use exactly this PDF.</source>
        <translation>{kind} — versión del informe {version}, {pages}, tal como se guardó. Imprimir y Guardar usan exactamente este PDF.</translation>
    </message>
    <message>
        <source>. The lab allows a report marked PRELIMINARY — NOT FINAL: tick the box for one.</source>
        <translation>. El laboratorio permite un informe marcado PRELIMINAR — NO ES DEFINITIVO: marque la casilla para prepararlo.</translation>
    </message>
    <message>
        <source>. This lab makes no preliminary documents (an administrator can change the lab setting “{setting}”, allow_preliminary_handouts).</source>
        <translation>. Este laboratorio no prepara documentos preliminares (un administrador puede cambiar el ajuste del laboratorio «{setting}», allow_preliminary_handouts).</translation>
    </message>
    <message>
        <source>The report could not be made: {reason}</source>
        <translation>No se pudo preparar el informe: {reason}</translation>
    </message>
    <message>
        <source>No report: {reason}</source>
        <translation>No hay informe: {reason}</translation>
    </message>
    <message>
        <source>There is no report to print or save (see the message above)</source>
        <translation>No hay ningún informe que imprimir o guardar (vea el mensaje de arriba)</translation>
    </message>
    <message>
        <source>Print report of case {accession}</source>
        <translation>Imprimir el informe del caso {accession}</translation>
    </message>
    <message>
        <source>Printing cancelled; nothing was recorded.</source>
        <translation>Impresión cancelada; no se registró nada.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <source>Printed and recorded (SHA-256 {digest}…).</source>
        <translation>Impreso y registrado (SHA-256 {digest}…).</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimir el informe</translation>
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
    <name>Shortcuts</name>
    <message>
        <source>new case</source>
        <translation>caso nuevo</translation>
    </message>
    <message>
        <source>save the case (refused, with the first problem focused, while any remain)</source>
        <translation>guardar el caso (se rechaza, con el foco en el primer problema, mientras quede alguno)</translation>
    </message>
    <message>
        <source>sign out the open case with your password (pathologists)</source>
        <translation>firmar el caso abierto con su contraseña (patólogos/as)</translation>
    </message>
    <message>
        <source>search the worklist; Down arrow moves into the results, Enter opens a case</source>
        <translation>buscar en la lista de trabajo; la flecha abajo pasa a los resultados, Intro abre un caso</translation>
    </message>
    <message>
        <source>open the case selected in the worklist</source>
        <translation>abrir el caso seleccionado en la lista de trabajo</translation>
    </message>
    <message>
        <source>handout preview of the open (or the one selected) case, with Print and Save as PDF</source>
        <translation>vista previa de la hoja para el paciente del caso abierto (o del seleccionado), con Imprimir y Guardar como PDF</translation>
    </message>
    <message>
        <source>chart report preview of the open (or selected) case, with Print and Save as PDF</source>
        <translation>vista previa del informe para la historia clínica del caso abierto (o del seleccionado), con Imprimir y Guardar como PDF</translation>
    </message>
    <message>
        <source>worklist / case / patient history</source>
        <translation>lista de trabajo / caso / historial del paciente</translation>
    </message>
    <message>
        <source>refresh the worklist</source>
        <translation>actualizar la lista de trabajo</translation>
    </message>
    <message>
        <source>Enter in MRN, or Alt+D</source>
        <translation>Intro en el MRN, o Alt+D</translation>
    </message>
    <message>
        <source>find the patient by MRN</source>
        <translation>buscar al paciente por su MRN</translation>
    </message>
    <message>
        <source>the patient&apos;s history (from the case form)</source>
        <translation>el historial del paciente (desde el formulario del caso)</translation>
    </message>
    <message>
        <source>next / previous entry field</source>
        <translation>campo siguiente / anterior</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + letra subrayada</translation>
    </message>
    <message>
        <source>go to that field</source>
        <translation>ir a ese campo</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>User name or password is not correct</source>
        <translation>El nombre de usuario o la contraseña no son correctos</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords in a row; an administrator must unlock it</source>
        <translation>Esta cuenta está bloqueada tras demasiadas contraseñas incorrectas seguidas; debe desbloquearla un administrador/a</translation>
    </message>
    <message>
        <source>Too many wrong passwords in a row</source>
        <translation>Demasiadas contraseñas incorrectas seguidas</translation>
    </message>
    <message>
        <source>Sign in to her2desk</source>
        <translation>Iniciar sesión en her2desk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>{reason}. Try again in {seconds} s.</source>
        <translation>{reason}. Vuelva a intentarlo dentro de {seconds} s.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>The database could not be reached, so nobody can sign in now: {reason}</source>
        <translation>No se ha podido acceder a la base de datos, así que nadie puede iniciar sesión ahora: {reason}</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the first administrator: the person who manages the lab&apos;s accounts. After signing in, the administrator adds the technologist and pathologist accounts under Tools ▸ Users; an administrator account itself does not enter or sign out cases.</source>
        <translation>Esta base de datos todavía no tiene usuarios. Cree el primer administrador/a: la persona que gestiona las cuentas del laboratorio. Tras iniciar sesión, el administrador/a añade las cuentas de los técnicos/as y patólogos/as en Herramientas ▸ Usuarios; una cuenta de administrador no registra ni firma casos.</translation>
    </message>
    <message>
        <source>Create the first administrator</source>
        <translation>Crear el primer administrador/a</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nombre &amp;visible:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir la contraseña:</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>al menos {count} caracteres</translation>
    </message>
    <message>
        <source>as shown in the program, e.g. Dr A. Example</source>
        <translation>como se muestra en el programa, p. ej., Dra. A. Ejemplo</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>&amp;Crear administrador/a</translation>
    </message>
    <message>
        <source>Type a user name.</source>
        <translation>Escriba un nombre de usuario.</translation>
    </message>
    <message>
        <source>A user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit.</source>
        <translation>Un nombre de usuario tiene de 1 a 64 letras, cifras o . _ @ - y empieza por una letra o una cifra.</translation>
    </message>
    <message>
        <source>A display name has at most 200 characters.</source>
        <translation>Un nombre visible tiene como máximo 200 caracteres.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The administrator was not created: {reason}.</source>
        <translation>No se ha creado el administrador/a: {reason}.</translation>
    </message>
    <message>
        <source>The database could not be written, nothing was created: {reason}</source>
        <translation>No se ha podido escribir en la base de datos, no se ha creado nada: {reason}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SignOutActions</name>
    <message>
        <source>sign in to sign out, adjudicate or amend</source>
        <translation>inicie sesión para firmar, resolver o modificar</translation>
    </message>
    <message>
        <source>open a stored case first</source>
        <translation>abra primero un caso guardado</translation>
    </message>
    <message>
        <source>&amp;Sign out…</source>
        <translation>&amp;Firmar…</translation>
    </message>
    <message>
        <source>A&amp;djudicate…</source>
        <translation>&amp;Resolver…</translation>
    </message>
    <message>
        <source>A&amp;mend…</source>
        <translation>&amp;Modificar…</translation>
    </message>
    <message>
        <source>Cannot {verb}: {reasons}</source>
        <translation>No se puede {verb}: {reasons}</translation>
    </message>
    <message>
        <source>Case {accession} has unsaved changes: save them (Ctrl+S) before you {verb} it</source>
        <translation>El caso {accession} tiene cambios sin guardar: guárdelos (Ctrl+S) antes de {verb}lo</translation>
    </message>
    <message>
        <source>Case {accession}: nothing was changed</source>
        <translation>Caso {accession}: no se ha cambiado nada</translation>
    </message>
    <message>
        <source>sign out</source>
        <translation>firmar</translation>
    </message>
    <message>
        <source>Signed out case {accession} (report version {version})</source>
        <translation>Caso {accession} firmado (versión del informe {version})</translation>
    </message>
    <message>
        <source>adjudicate</source>
        <translation>resolver</translation>
    </message>
    <message>
        <source>Adjudicated case {accession} (report version {version})</source>
        <translation>Caso {accession} resuelto (versión del informe {version})</translation>
    </message>
    <message>
        <source>amend</source>
        <translation>modificar</translation>
    </message>
    <message>
        <source>Amended case {accession} (report version {version})</source>
        <translation>Caso {accession} modificado (versión del informe {version})</translation>
    </message>
    <message>
        <source>Amended case {accession}: it is open for correction as report version {version}; sign it out again when it is done</source>
        <translation>Caso {accession} modificado: está abierto para corrección como versión del informe {version}; fírmelo de nuevo cuando esté terminado</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>las dos contraseñas no coinciden</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>Des&amp;bloquear</translation>
    </message>
    <message>
        <source>Forget the selected user&apos;s wrong passwords and lift their lock</source>
        <translation>Olvidar las contraseñas incorrectas del usuario seleccionado y levantar su bloqueo</translation>
    </message>
    <message>
        <source>Reset the selected user&apos;s password</source>
        <translation>Restablecer la contraseña del usuario seleccionado</translation>
    </message>
    <message>
        <source>Set &amp;password</source>
        <translation>Establecer la &amp;contraseña</translation>
    </message>
    <message>
        <source>New pa&amp;ssword:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>Rep&amp;eat:</source>
        <translation>Rep&amp;etir:</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Añadir un usuario</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>al menos {count} caracteres</translation>
    </message>
    <message>
        <source>as shown on signatures, e.g. Dr A. Example</source>
        <translation>como aparece en las firmas, p. ej., Dra. A. Ejemplo</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Añadir usuario</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Nombre &amp;visible:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>Repea&amp;t:</source>
        <translation>Repe&amp;tir:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Not done: the users could not be read: {reason}</source>
        <translation>No se ha hecho: no se han podido leer los usuarios: {reason}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reactivar</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>No se ha hecho: {reason}</translation>
    </message>
    <message>
        <source>Not done; the database could not be written: {reason}</source>
        <translation>No se ha hecho; no se ha podido escribir en la base de datos: {reason}</translation>
    </message>
    <message>
        <source>User {user} reactivated</source>
        <translation>Usuario {user} reactivado</translation>
    </message>
    <message>
        <source>User {user} deactivated</source>
        <translation>Usuario {user} desactivado</translation>
    </message>
    <message>
        <source>User {user} unlocked</source>
        <translation>Usuario {user} desbloqueado</translation>
    </message>
    <message>
        <source>User {user} was not locked</source>
        <translation>El usuario {user} no estaba bloqueado</translation>
    </message>
    <message>
        <source>Password of {user} reset</source>
        <translation>Contraseña de {user} restablecida</translation>
    </message>
    <message>
        <source>1-64 letters, digits or . _ @ - starting with a letter or digit</source>
        <translation>de 1 a 64 letras, cifras o . _ @ -, empezando por una letra o una cifra</translation>
    </message>
    <message>
        <source>there is already a user named {user}</source>
        <translation>ya hay un usuario llamado {user}</translation>
    </message>
    <message>
        <source>at most 200 characters</source>
        <translation>como máximo 200 caracteres</translation>
    </message>
    <message>
        <source>User {user} ({role}) added</source>
        <translation>Usuario {user} ({role}) añadido</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <source>1 wrong password</source>
        <translation>1 contraseña incorrecta</translation>
    </message>
    <message>
        <source>{count} wrong passwords</source>
        <translation>{count} contraseñas incorrectas</translation>
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
        <source>Refused: {reasons}.</source>
        <translation>Rechazado: {reasons}.</translation>
    </message>
    <message>
        <source>Close this dialog and reopen the case.</source>
        <translation>Cierre este diálogo y vuelva a abrir el caso.</translation>
    </message>
    <message>
        <source>The database could not be written: {reason}. Nothing was changed; try again.</source>
        <translation>No se ha podido escribir en la base de datos: {reason}. No se ha cambiado nada; vuelva a intentarlo.</translation>
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
        <source>1 character</source>
        <translation>1 carácter</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} caracteres</translation>
    </message>
    <message>
        <source>{count}, at least {minimum} needed</source>
        <translation>{count}, se necesitan al menos {minimum}</translation>
    </message>
    <message>
        <source>I have reviewed this result and sign it out.</source>
        <translation>He revisado este resultado y lo firmo.</translation>
    </message>
    <message>
        <source>I have reviewed the results and decide the final status given here, for the reason given.</source>
        <translation>He revisado los resultados y decido el estado final indicado aquí, por el motivo indicado.</translation>
    </message>
    <message>
        <source>I reopen this signed-out report for correction, for the reason given.</source>
        <translation>Reabro este informe firmado para corregirlo, por el motivo indicado.</translation>
    </message>
    <message>
        <source>The lab&apos;s rule settings could not be read ({reason}).</source>
        <translation>No se han podido leer los ajustes de reglas del laboratorio ({reason}).</translation>
    </message>
    <message>
        <source>ISH group {group}</source>
        <translation>grupo ISH {group}</translation>
    </message>
    <message>
        <source>ratio {ratio}</source>
        <translation>razón {ratio}</translation>
    </message>
    <message>
        <source>HER2 per cell {count}</source>
        <translation>HER2 por célula {count}</translation>
    </message>
    <message>
        <source>NO RESULT</source>
        <translation>SIN RESULTADO</translation>
    </message>
    <message>
        <source>{result}, adjudicated by {user}</source>
        <translation>{result}, resuelto por {user}</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>sin resultado</translation>
    </message>
    <message>
        <source>Case {accession}, report version {version}</source>
        <translation>Caso {accession}, versión del informe {version}</translation>
    </message>
    <message>
        <source>Patient: {patient} (MRN {mrn})</source>
        <translation>Paciente: {patient} (MRN {mrn})</translation>
    </message>
    <message>
        <source>Specimen: {specimen}</source>
        <translation>Muestra: {specimen}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicada</translation>
    </message>
    <message>
        <source>Reported result: {result}</source>
        <translation>Resultado informado: {result}</translation>
    </message>
    <message>
        <source>Guideline result: {result}</source>
        <translation>Resultado según la guía: {result}</translation>
    </message>
    <message>
        <source>Guideline descriptor: {descriptor}</source>
        <translation>Descriptor según la guía: {descriptor}</translation>
    </message>
    <message>
        <source>Adjudication reason: {reason}</source>
        <translation>Motivo de la resolución: {reason}</translation>
    </message>
    <message>
        <source>{cannot}: {reasons}.</source>
        <translation>{cannot}: {reasons}.</translation>
    </message>
    <message>
        <source>This case cannot be signed out</source>
        <translation>Este caso no se puede firmar</translation>
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
        <source>This case cannot be adjudicated</source>
        <translation>Este caso no se puede resolver</translation>
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
        <source>The adjudicated status is kept beside the guideline result, never in its place. Saving changed results later voids it.</source>
        <translation>El estado resuelto se guarda junto al resultado según la guía, nunca en su lugar. Si más adelante se guardan resultados modificados, queda anulado.</translation>
    </message>
    <message>
        <source>&amp;Final status:</source>
        <translation>Estado &amp;final:</translation>
    </message>
    <message>
        <source>choose the final status: positive, negative or indeterminate</source>
        <translation>elija el estado final: positivo, negativo o indeterminado</translation>
    </message>
    <message>
        <source>This case cannot be amended</source>
        <translation>Este caso no se puede modificar</translation>
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
        <source>Report version {version} stays on record as it was signed out. The case opens for correction as version {next}, which must be signed out again; handouts printed so far are marked superseded.</source>
        <translation>La versión del informe {version} queda registrada tal como se firmó. El caso se abre para corrección como versión {next}, que debe firmarse de nuevo; las hojas para el paciente impresas hasta ahora se marcan como sustituidas.</translation>
    </message>
    <message>
        <source>Correct patient details</source>
        <translation>Corregir los datos del paciente</translation>
    </message>
    <message>
        <source>&amp;Correct</source>
        <translation>&amp;Corregir</translation>
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
