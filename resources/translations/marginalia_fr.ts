<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>A desktop reader and annotator for news articles</source>
        <translation>Un lecteur et annotateur d’articles de presse pour le bureau</translation>
    </message>
    <message>
        <source>windows, widgets and text layout</source>
        <translation>fenêtres, composants et mise en page du texte</translation>
    </message>
    <message>
        <source>Qt for Python</source>
        <translation>Qt pour Python</translation>
    </message>
    <message>
        <source>the database (SQLite, PostgreSQL)</source>
        <translation>la base de données (SQLite, PostgreSQL)</translation>
    </message>
    <message>
        <source>the plots</source>
        <translation>les graphiques</translation>
    </message>
    <message>
        <source>names proposed before they are tagged</source>
        <translation>les noms proposés avant d’être étiquetés</translation>
    </message>
    <message>
        <source>spaCy&apos;s small French model</source>
        <translation>le petit modèle français de spaCy</translation>
    </message>
    <message>
        <source>spaCy&apos;s small English model</source>
        <translation>le petit modèle anglais de spaCy</translation>
    </message>
    <message>
        <source>the article in a saved web page</source>
        <translation>l’article d’une page web enregistrée</translation>
    </message>
    <message>
        <source>the text of PDFs</source>
        <translation>le texte des PDF</translation>
    </message>
    <message>
        <source>finding annotations again in an edited text</source>
        <translation>retrouver les annotations dans un texte modifié</translation>
    </message>
    <message>
        <source>numbers and currencies as each language writes them</source>
        <translation>les nombres et devises tels que chaque langue les écrit</translation>
    </message>
    <message>
        <source>numbers written in words</source>
        <translation>les nombres écrits en toutes lettres</translation>
    </message>
    <message>
        <source>the encoding of older text files</source>
        <translation>l’encodage des anciens fichiers texte</translation>
    </message>
    <message>
        <source>where data and settings are kept</source>
        <translation>l’emplacement des données et des réglages</translation>
    </message>
    <message>
        <source>Offered under {0}; {1} uses it under {2}.</source>
        <translation>Proposé sous {0}&#xa0;; {1} l’utilise sous {2}.</translation>
    </message>
    <message>
        <source>Trained on: {0}</source>
        <translation>Entraîné sur&#xa0;: {0}</translation>
    </message>
    <message>
        <source>The demo articles&apos; notice could not be read: {0}</source>
        <translation>La notice des articles de démonstration n’a pas pu être lue&#xa0;: {0}</translation>
    </message>
    <message>
        <source>The articles</source>
        <translation>Les articles</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>À propos de {0}</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <source>Free software under the {0} licence.</source>
        <translation>Logiciel libre sous licence {0}.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Utilisé pour</translation>
    </message>
    <message>
        <source>&amp;Components</source>
        <translation>&amp;Composants</translation>
    </message>
    <message>
        <source>All &amp;libraries</source>
        <translation>Toutes les &amp;bibliothèques</translation>
    </message>
    <message>
        <source>&amp;Demo articles</source>
        <translation>Articles de &amp;démonstration</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque logicielle</translation>
    </message>
    <message>
        <source>This installation does not list its libraries.</source>
        <translation>Cette installation ne fournit pas la liste de ses bibliothèques.</translation>
    </message>
</context>
<context>
    <name>AdjudicateDialog</name>
    <message>
        <source>A (left):</source>
        <translation>A (à gauche)&#xa0;:</translation>
    </message>
    <message>
        <source>Adjudicate</source>
        <translation>Arbitrer</translation>
    </message>
    <message>
        <source>B (right):</source>
        <translation>B (à droite)&#xa0;:</translation>
    </message>
    <message>
        <source>Whose versions to compare? The article opens twice side by side: A’s annotations on the left, B’s on the right. Your decisions are saved as the annotations of “{result}”.</source>
        <translation>Quelles versions comparer&#xa0;? L’article s’ouvre deux fois côte à côte&#xa0;: les annotations de A à gauche, celles de B à droite. Vos décisions sont enregistrées comme annotations de «&#xa0;{result}&#xa0;».</translation>
    </message>
    <message>
        <source>{author} ({count} annotations)</source>
        <translation>{author} ({count} annotations)</translation>
    </message>
</context>
<context>
    <name>Adjudication</name>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Accept where they agree</source>
        <translation>Accepter là où ils s’accordent</translation>
    </message>
    <message>
        <source>Adjudication needs two different annotators, neither of them the adjudicated result.</source>
        <translation>L’arbitrage demande deux annotateurs différents, dont aucun n’est le résultat arbitré.</translation>
    </message>
    <message>
        <source>Take neither version</source>
        <translation>Ne garder aucune version</translation>
    </message>
    <message>
        <source>Take {author}’s version</source>
        <translation>Garder la version de {author}</translation>
    </message>
    <message>
        <source>{author}’s annotation there no longer exists.</source>
        <translation>L’annotation de {author} à cet endroit n’existe plus.</translation>
    </message>
</context>
<context>
    <name>AdjudicationDock</name>
    <message>
        <source>Accept where they agree ({count})</source>
        <translation>Accepter là où ils s’accordent ({count})</translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation>Arbitrage</translation>
    </message>
    <message>
        <source>Adjudication compares two annotators: this article has annotations of one at most.</source>
        <translation>L’arbitrage compare deux annotateurs&#xa0;: cet article n’est annoté que par un seul, ou par personne.</translation>
    </message>
    <message>
        <source>Copies every annotation both give identically into the result</source>
        <translation>Copie dans le résultat chaque annotation que tous deux donnent à l’identique</translation>
    </message>
    <message>
        <source>Agreement here: Cohen’s κ {kappa} on tokens, span F1 {exact} (exact), {relaxed} (overlapping).</source>
        <translation>Accord sur cet article&#xa0;: κ de Cohen {kappa} sur les mots, F1 des segments {exact} (exacts), {relaxed} (qui se chevauchent).</translation>
    </message>
    <message>
        <source>Neither (0)</source>
        <translation>Aucune (0)</translation>
    </message>
    <message>
        <source>Open an article first.</source>
        <translation>Ouvrez d’abord un article.</translation>
    </message>
    <message>
        <source>Take {author}’s (1)</source>
        <translation>Version de {author} (1)</translation>
    </message>
    <message>
        <source>Take {author}’s (2)</source>
        <translation>Version de {author} (2)</translation>
    </message>
    <message>
        <source>The result has no annotation there (0)</source>
        <translation>Le résultat n’a pas d’annotation à cet endroit (0)</translation>
    </message>
    <message>
        <source>The result takes the left pane’s version (1)</source>
        <translation>Le résultat prend la version du volet de gauche (1)</translation>
    </message>
    <message>
        <source>The result takes the right pane’s version (2)</source>
        <translation>Le résultat prend la version du volet de droite (2)</translation>
    </message>
    <message>
        <source>They agree everywhere in this article: nothing to decide. “Accept where they agree” copies their annotations into the result.</source>
        <translation>Ils s’accordent partout dans cet article&#xa0;: rien à décider. «&#xa0;Accepter là où ils s’accordent&#xa0;» copie leurs annotations dans le résultat.</translation>
    </message>
    <message>
        <source>both</source>
        <translation>les deux</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>{author}’s</source>
        <translation>{author}</translation>
    </message>
    <message>
        <source>{author}’s: none</source>
        <translation>{author}&#xa0;: aucune</translation>
    </message>
    <message>
        <source>{first} on the left, {second} on the right: {decided} of {count} differences decided. 1, 2 or 0 takes the left, the right or neither; Ctrl+Z undoes; Esc ends.</source>
        <translation>{first} à gauche, {second} à droite&#xa0;: {decided} différences décidées sur {count}. 1, 2 ou 0 garde la gauche, la droite ou aucune&#xa0;; Ctrl+Z annule&#xa0;; Échap termine.</translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <source>No label uses the key {key} (Edit ▸ Labels…).</source>
        <translation>Aucune étiquette n’utilise la touche {key} (Édition ▸ Étiquettes…).</translation>
    </message>
    <message>
        <source>Select some text first, then press a label key.</source>
        <translation>Sélectionnez d’abord du texte, puis appuyez sur la touche d’une étiquette.</translation>
    </message>
    <message>
        <source>“{quote}” is already tagged as {label}.</source>
        <translation>«&#xa0;{quote}&#xa0;» est déjà annoté comme {label}.</translation>
    </message>
    <message>
        <source>Tag {label}</source>
        <translation>Annoter comme {label}</translation>
    </message>
    <message>
        <source>Tagged “{quote}” as {label}.</source>
        <translation>«&#xa0;{quote}&#xa0;» annoté comme {label}.</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n mention(s) as {label}</source>
        <translation>
            <numerusform>Annoter %n mention comme {label}</numerusform>
            <numerusform>Annoter %n mentions comme {label}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n mention(s) in {articles}.</source>
        <translation>
            <numerusform>%n mention annotée dans {articles}.</numerusform>
            <numerusform>%n mentions annotées dans {articles}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n annotation(s)</source>
        <translation>
            <numerusform>Supprimer l’annotation</numerusform>
            <numerusform>Supprimer %n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>the label</source>
        <translation>l’étiquette</translation>
    </message>
    <message>
        <source>the entity</source>
        <translation>l’entité</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>la valeur</translation>
    </message>
    <message>
        <source>the upper value</source>
        <translation>la valeur haute</translation>
    </message>
    <message>
        <source>the unit</source>
        <translation>l’unité</translation>
    </message>
    <message>
        <source>the approximate flag</source>
        <translation>la mention «&#xa0;approximatif&#xa0;»</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>la note</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>le statut</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} et {second}</translation>
    </message>
    <message>
        <source>the fields</source>
        <translation>les champs</translation>
    </message>
    <message numerus="yes">
        <source>Change {what} of %n annotation(s)</source>
        <translation>
            <numerusform>Modifier {what} de %n annotation</numerusform>
            <numerusform>Modifier {what} de %n annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed {what} of %n annotation(s).</source>
        <translation>
            <numerusform>Modification enregistrée&#xa0;: {what} de %n annotation.</numerusform>
            <numerusform>Modification enregistrée&#xa0;: {what} de %n annotations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an amount and the entities it belongs to in the Annotations panel (Ctrl+click), then Edit ▸ Link as deal.</source>
        <translation>Sélectionnez un montant et les entités auxquelles il se rapporte dans le panneau Annotations (Ctrl+clic), puis Édition ▸ Lier en accord.</translation>
    </message>
    <message>
        <source>Link to {names}</source>
        <translation>Lier à {names}</translation>
    </message>
    <message>
        <source>Linked {amounts} to {names} as a deal.</source>
        <translation>{amounts} lié à {names} en tant qu’accord.</translation>
    </message>
    <message>
        <source>Already linked ({kind}).</source>
        <translation>Déjà lié ({kind}).</translation>
    </message>
    <message>
        <source>Linked “{quote}” to {names} ({kind}).</source>
        <translation>«&#xa0;{quote}&#xa0;» lié à {names} ({kind}).</translation>
    </message>
    <message>
        <source>There is no {label} label any more (Edit ▸ Labels…).</source>
        <translation>L’étiquette {label} n’existe plus (Édition ▸ Étiquettes…).</translation>
    </message>
    <message>
        <source>Accept {label} suggestion</source>
        <translation>Accepter la suggestion {label}</translation>
    </message>
    <message>
        <source>Accepted {label} suggestion.</source>
        <translation>Suggestion {label} acceptée.</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accepter %n suggestion</numerusform>
            <numerusform>Accepter %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n suggestion(s).</source>
        <translation>
            <numerusform>%n suggestion acceptée.</numerusform>
            <numerusform>%n suggestions acceptées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected: it will not be proposed again here.</source>
        <translation>Refusée&#xa0;: elle ne sera plus proposée dans cet article.</translation>
    </message>
    <message>
        <source>Set “$” to {code}</source>
        <translation>Définir «&#xa0;$&#xa0;» comme {code}</translation>
    </message>
    <message>
        <source>In this article, “$” now means {code}.</source>
        <translation>Dans cet article, «&#xa0;$&#xa0;» désigne désormais {code}.</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Modifiée entre-temps</translation>
    </message>
    <message>
        <source>Apply your change anyway?</source>
        <translation>Appliquer quand même votre modification&#xa0;?</translation>
    </message>
    <message>
        <source>Apply mine</source>
        <translation>Appliquer la mienne</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Garder l’autre</translation>
    </message>
    <message>
        <source>Your change was not applied.</source>
        <translation>Votre modification n’a pas été appliquée.</translation>
    </message>
    <message>
        <source>Kept the change made elsewhere.</source>
        <translation>La modification faite ailleurs est conservée.</translation>
    </message>
    <message>
        <source>“{quote}” was removed since you opened it.</source>
        <translation>«&#xa0;{quote}&#xa0;» a été supprimée depuis que vous l’avez ouverte.</translation>
    </message>
    <message>
        <source>“{quote}” (tagged by {author}) was changed elsewhere since you opened it ({changes}).</source>
        <translation>«&#xa0;{quote}&#xa0;» (annotée par {author}) a été modifiée ailleurs depuis que vous l’avez ouverte ({changes}).</translation>
    </message>
    <message>
        <source>“{quote}” was changed elsewhere since you opened it ({changes}).</source>
        <translation>«&#xa0;{quote}&#xa0;» a été modifiée ailleurs depuis que vous l’avez ouverte ({changes}).</translation>
    </message>
    <message numerus="yes">
        <source>%n other annotation(s) changed too.</source>
        <translation>
            <numerusform>%n autre annotation a aussi été modifiée.</numerusform>
            <numerusform>%n autres annotations ont aussi été modifiées.</numerusform>
        </translation>
    </message>
    <message>
        <source>added again</source>
        <translation>ajoutée de nouveau</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>label {old} → {new}</source>
        <translation>étiquette {old} → {new}</translation>
    </message>
    <message>
        <source>entity {old} → {new}</source>
        <translation>entité {old} → {new}</translation>
    </message>
    <message>
        <source>amount {old} → {new}</source>
        <translation>montant {old} → {new}</translation>
    </message>
    <message>
        <source>note “{old}” → “{new}”</source>
        <translation>note «&#xa0;{old}&#xa0;» → «&#xa0;{new}&#xa0;»</translation>
    </message>
    <message>
        <source>status {old} → {new}</source>
        <translation>statut {old} → {new}</translation>
    </message>
    <message>
        <source>its place in the text</source>
        <translation>sa place dans le texte</translation>
    </message>
    <message>
        <source>details</source>
        <translation>détails</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>No annotations yet — select text in the reader and press 1–9 to tag it.</source>
        <translation>Aucune annotation pour l’instant — sélectionnez du texte dans l’article et appuyez sur 1–9 pour l’annoter.</translation>
    </message>
    <message>
        <source>No article open.</source>
        <translation>Aucun article ouvert.</translation>
    </message>
    <message>
        <source>No annotations match the filter.</source>
        <translation>Aucune annotation ne correspond au filtre.</translation>
    </message>
    <message>
        <source>Select an annotation to edit it.</source>
        <translation>Sélectionnez une annotation pour la modifier.</translation>
    </message>
    <message>
        <source>(several values)</source>
        <translation>(plusieurs valeurs)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Upper value</source>
        <translation>Valeur haute</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>e.g. 3.8e10 or 38 000 000 000</source>
        <translation>p. ex. 3.8e10 ou 38 000 000 000</translation>
    </message>
    <message>
        <source>only for a range</source>
        <translation>seulement pour une fourchette</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>p. ex. EUR</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>Approximatif</translation>
    </message>
    <message>
        <source>Delete the selected annotations (Del)</source>
        <translation>Supprimer les annotations sélectionnées (Suppr)</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s): {quotes}</source>
        <translation>
            <numerusform>%n annotation&#xa0;: {quotes}</numerusform>
            <numerusform>%n annotations&#xa0;: {quotes}</numerusform>
        </translation>
    </message>
    <message>
        <source>This annotation was just changed elsewhere; what you are typing is kept: Enter applies it over that change.</source>
        <translation>Cette annotation vient d’être modifiée ailleurs&#xa0;; ce que vous tapez est gardé&#xa0;: Entrée l’applique par-dessus cette modification.</translation>
    </message>
    <message>
        <source>Linked to: {names}</source>
        <translation>Liée à&#xa0;: {names}</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas un nombre.</translation>
    </message>
    <message>
        <source>These annotations are linked to different entities (or some to none): change their label in groups that share one.</source>
        <translation>Ces annotations sont liées à des entités différentes (ou certaines à aucune)&#xa0;: changez leur étiquette par groupes qui partagent la même entité.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n</source>
        <translation>
            <numerusform>Supprimer %n</numerusform>
            <numerusform>Supprimer les %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationTreeModel</name>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Entity / value</source>
        <translation>Entité / valeur</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Suggested, not accepted yet</source>
        <translation>Suggérée, pas encore acceptée</translation>
    </message>
    <message>
        <source>Label {id}</source>
        <translation>Étiquette {id}</translation>
    </message>
</context>
<context>
    <name>AnnotatorsMenu</name>
    <message>
        <source>&amp;Adjudicate…</source>
        <translation>&amp;Arbitrer…</translation>
    </message>
    <message>
        <source>&amp;Annotators</source>
        <translation>A&amp;nnotateurs</translation>
    </message>
    <message>
        <source>&amp;Everyone</source>
        <translation>&amp;Tout le monde</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Everyone’s annotations</source>
        <translation>Les annotations de tous</translation>
    </message>
    <message>
        <source>Only where the annotators differ</source>
        <translation>Seulement là où les annotateurs divergent</translation>
    </message>
    <message>
        <source>Only {author}’s annotations</source>
        <translation>Seulement les annotations de {author}</translation>
    </message>
    <message>
        <source>This pane showed only where the annotators differ: it shows everyone’s annotations again, so that yours (by {me}) show too.</source>
        <translation>Ce volet ne montrait que les endroits où les annotateurs divergent&#xa0;: il montre de nouveau les annotations de tous, pour que les vôtres (de {me}) apparaissent aussi.</translation>
    </message>
    <message>
        <source>This pane showed only {author}’s annotations: it shows everyone’s again, so that yours (by {me}) show too.</source>
        <translation>Ce volet ne montrait que les annotations de {author}&#xa0;: il montre de nouveau celles de tous, pour que les vôtres (de {me}) apparaissent aussi.</translation>
    </message>
    <message>
        <source>Where they &amp;differ</source>
        <translation>Là où ils &amp;divergent</translation>
    </message>
    <message>
        <source>adjudicated result</source>
        <translation>résultat arbitré</translation>
    </message>
</context>
<context>
    <name>ArticleDialog</name>
    <message>
        <source>Rename article</source>
        <translation>Renommer l’article</translation>
    </message>
    <message>
        <source>Change article date</source>
        <translation>Modifier la date de l’article</translation>
    </message>
    <message>
        <source>Change article source</source>
        <translation>Modifier la source de l’article</translation>
    </message>
    <message>
        <source>Change article language</source>
        <translation>Modifier la langue de l’article</translation>
    </message>
    <message>
        <source>Change article currency</source>
        <translation>Modifier la devise de l’article</translation>
    </message>
    <message>
        <source>Article details</source>
        <translation>Détails de l’article</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty if unknown</source>
        <translation>AAAA-MM-JJ, ou vide si elle est inconnue</translation>
    </message>
    <message>
        <source>A web address or a file, or empty</source>
        <translation>Une adresse web ou un fichier, ou vide</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Autre…</translation>
    </message>
    <message>
        <source>code, e.g. de</source>
        <translation>code, p. ex. de</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;urrency of “$”:</source>
        <translation>De&amp;vise de «&#xa0;$&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Edit article details</source>
        <translation>Modifier les détails de l’article</translation>
    </message>
    <message>
        <source>title</source>
        <comment>a word of the message refusing a title</comment>
        <translation>titre</translation>
    </message>
    <message>
        <source>date</source>
        <comment>a word of the message refusing a date</comment>
        <translation>date</translation>
    </message>
    <message>
        <source>language</source>
        <comment>a word of the message refusing a language code</comment>
        <translation>langue</translation>
    </message>
    <message>
        <source>Default for the source ({code})</source>
        <translation>Par défaut pour la source ({code})</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Automatic backup</source>
        <translation>Sauvegarde automatique</translation>
    </message>
    <message>
        <source>Kept before a restore</source>
        <translation>Conservée avant une restauration</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée le</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Backups of {name}, newest first (local times). Restoring one keeps the current database first, listed here as “{kept}”: restore that one to undo.</source>
        <translation>Sauvegardes de {name}, de la plus récente à la plus ancienne (heures locales). Restaurer l’une d’elles conserve d’abord la base actuelle, listée ici comme «&#xa0;{kept}&#xa0;»&#xa0;: restaurez-la pour revenir en arrière.</translation>
    </message>
    <message>
        <source>No backups of {name} yet. Marginalia makes one when it starts and at most every {minutes} minutes while you work.</source>
        <translation>Aucune sauvegarde de {name} pour l’instant. Marginalia en fait une au démarrage, puis au plus toutes les {minutes} minutes pendant que vous travaillez.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Restaurer cette sauvegarde&#xa0;?</translation>
    </message>
    <message>
        <source>Replace the database {name} with this backup ({kind}, saved on {time}, {articles})?

The current file is kept first, in the backups folder (a replaced-… file), and listed here as “{kept}”: restoring it undoes this. The window then shows the restored articles; the undo history starts afresh.</source>
        <translation>Remplacer la base {name} par cette sauvegarde ({kind}, enregistrée le {time}, {articles})&#xa0;?

Le fichier actuel est d’abord conservé dans le dossier des sauvegardes (un fichier replaced-…) et listé ici comme «&#xa0;{kept}&#xa0;»&#xa0;: le restaurer annule l’opération. La fenêtre affiche ensuite les articles restaurés&#xa0;; l’historique des annulations repart de zéro.</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Dossier&#xa0;: {folder}</translation>
    </message>
    <message>
        <source>{folder}
(backups of {database})</source>
        <translation>{folder}
(sauvegardes de {database})</translation>
    </message>
    <message>
        <source>This file cannot be read as a Marginalia database.</source>
        <translation>Ce fichier ne peut pas être lu comme une base Marginalia.</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>{file} was not backed up: {problem} The earlier backups are kept.</source>
        <translation>{file} n’a pas été sauvegardé&#xa0;: {problem} Les sauvegardes précédentes sont conservées.</translation>
    </message>
    <message>
        <source>Could not back up {file} into {folder}: {reason}.</source>
        <translation>Impossible de sauvegarder {file} dans {folder}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>it is not a database, or it is damaged.</source>
        <translation>ce n’est pas une base de données, ou elle est endommagée.</translation>
    </message>
    <message>
        <source>it is damaged (SQLite&apos;s integrity check found problems).</source>
        <translation>elle est endommagée (la vérification d’intégrité de SQLite a trouvé des problèmes).</translation>
    </message>
    <message>
        <source>SQLite could not read it ({reason}).</source>
        <translation>SQLite n’a pas pu la lire ({reason}).</translation>
    </message>
    <message>
        <source>Could not restore {backup} into {file}: {reason}. The database was not changed.</source>
        <translation>Impossible de restaurer {backup} dans {file}&#xa0;: {reason}. La base n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>No database is open: there is nothing to restore into.</source>
        <translation>Aucune base n’est ouverte&#xa0;: il n’y a rien dans quoi restaurer.</translation>
    </message>
    <message>
        <source>{file} is open read only, so no backup can be restored into it.</source>
        <translation>{file} est ouvert en lecture seule&#xa0;: aucune sauvegarde ne peut y être restaurée.</translation>
    </message>
    <message>
        <source>{backup} cannot be restored: the file is missing.</source>
        <translation>{backup} ne peut pas être restauré&#xa0;: le fichier est introuvable.</translation>
    </message>
    <message>
        <source>{backup} cannot be restored: {problem}</source>
        <translation>{backup} ne peut pas être restauré&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{backup} cannot be restored: {reason}.</source>
        <translation>{backup} ne peut pas être restauré&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>{backup} cannot be restored: it is not a Marginalia database.</source>
        <translation>{backup} ne peut pas être restauré&#xa0;: ce n’est pas une base Marginalia.</translation>
    </message>
    <message>
        <source>{backup} cannot be restored: it was written by a newer version of Marginalia (schema {version}; this version reads up to {supported}).</source>
        <translation>{backup} ne peut pas être restauré&#xa0;: il a été écrit par une version plus récente de Marginalia (schéma {version}&#xa0;; cette version lit jusqu’au schéma {supported}).</translation>
    </message>
    <message>
        <source>Could not keep a copy of {file} in {folder} before restoring: {reason}. The database was not changed.</source>
        <translation>Impossible de conserver une copie de {file} dans {folder} avant la restauration&#xa0;: {reason}. La base n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Could not restore {backup} into {file}: {reason}.</source>
        <translation>Impossible de restaurer {backup} dans {file}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Could not create the backups folder {folder}: {reason}.</source>
        <translation>Impossible de créer le dossier des sauvegardes {folder}&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>Captions</name>
    <message>
        <source>Most mentioned entities</source>
        <translation>Entités les plus mentionnées</translation>
    </message>
    <message>
        <source>Money per entity</source>
        <translation>Montants par entité</translation>
    </message>
    <message>
        <source>Mentions and amounts per month of article date</source>
        <translation>Mentions et montants par mois de date d’article</translation>
    </message>
    <message>
        <source>Annotations per label</source>
        <translation>Annotations par étiquette</translation>
    </message>
    <message>
        <source>an amount counts for an entity when a relation links it to a mention of the entity</source>
        <translation>un montant compte pour une entité quand une relation le lie à une mention de l’entité</translation>
    </message>
    <message>
        <source>an amount counts for an entity when the entity is mentioned in the same sentence</source>
        <translation>un montant compte pour une entité quand l’entité est mentionnée dans la même phrase</translation>
    </message>
    <message>
        <source>Money per entity in {currency}</source>
        <translation>Montants par entité en {currency}</translation>
    </message>
    <message>
        <source>Mentions, and amounts in {currency}, per month of article date</source>
        <translation>Mentions, et montants en {currency}, par mois de date d’article</translation>
    </message>
    <message>
        <source>top {drawn} of {count} shown: make the panel taller to see more</source>
        <translation>{drawn} premiers sur {count} affichés&#xa0;: agrandissez le panneau pour en voir plus</translation>
    </message>
    <message>
        <source>Attributed: {rule} ({meaning}).</source>
        <translation>Attribution&#xa0;: {rule} ({meaning}).</translation>
    </message>
    <message>
        <source>≈ marks sums holding approximate amounts</source>
        <translation>≈ signale les sommes comprenant des montants approximatifs</translation>
    </message>
    <message>
        <source>the pale end of a bar reaches the high end of ranges</source>
        <translation>la partie claire d’une barre va jusqu’à la borne haute des fourchettes</translation>
    </message>
    <message>
        <source>No amounts with a currency are tagged here yet.</source>
        <translation>Aucun montant avec une devise n’est encore annoté ici.</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Find bar</source>
        <translation>Barre de recherche</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Annotation panel</source>
        <translation>Panneau des annotations</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>This sheet</source>
        <translation>Cette fiche</translation>
    </message>
    <message>
        <source>Tag the selection as {0}</source>
        <translation>Annoter la sélection comme {0}</translation>
    </message>
    <message>
        <source>Select text by character</source>
        <translation>Sélectionner le texte par caractère</translation>
    </message>
    <message>
        <source>Select text by word</source>
        <translation>Sélectionner le texte par mot</translation>
    </message>
    <message>
        <source>Select text by line</source>
        <translation>Sélectionner le texte par ligne</translation>
    </message>
    <message>
        <source>Remove the tags in the selection or at the cursor</source>
        <translation>Retirer les annotations de la sélection ou sous le curseur</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <source>Close the find bar (the match stays selected)</source>
        <translation>Fermer la barre de recherche (l’occurrence reste sélectionnée)</translation>
    </message>
    <message>
        <source>Move through the list from the search box</source>
        <translation>Parcourir la liste depuis le champ de recherche</translation>
    </message>
    <message>
        <source>Open the chosen article</source>
        <translation>Ouvrir l’article choisi</translation>
    </message>
    <message>
        <source>Open the chosen article beside the one shown</source>
        <translation>Ouvrir l’article choisi à côté de celui affiché</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Show the chosen annotation in the text</source>
        <translation>Montrer l’annotation choisie dans le texte</translation>
    </message>
    <message>
        <source>Delete the chosen annotations</source>
        <translation>Supprimer les annotations choisies</translation>
    </message>
    <message>
        <source>Move to the next or previous part of the window</source>
        <translation>Passer à la partie suivante ou précédente de la fenêtre</translation>
    </message>
    <message>
        <source>Open the {0} menu</source>
        <translation>Ouvrir le menu {0}</translation>
    </message>
    <message>
        <source>Close this sheet</source>
        <translation>Fermer cette fiche</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Filter: a word or a key (tag, Ctrl+E…)</source>
        <translation>Filtrer&#xa0;: un mot ou une touche (annoter, Ctrl+E…)</translation>
    </message>
    <message>
        <source>Filter the keys</source>
        <translation>Filtrer les raccourcis</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Single letters and digits act in the article text; typed in a field they are text. Menus also open with Alt and their underlined letter.</source>
        <translation>Les lettres et chiffres seuls agissent dans le texte de l’article&#xa0;; saisis dans un champ, ce sont du texte. Les menus s’ouvrent aussi avec Alt et leur lettre soulignée.</translation>
    </message>
    <message>
        <source>No key matches this filter.</source>
        <translation>Aucun raccourci ne correspond à ce filtre.</translation>
    </message>
    <message>
        <source>No key: use the menu or the mouse</source>
        <translation>Pas de raccourci&#xa0;: utilisez le menu ou la souris</translation>
    </message>
</context>
<context>
    <name>ComparisonDock</name>
    <message>
        <source>Open another article beside this one (Ctrl+Shift+Enter in the library) to compare</source>
        <translation>Ouvrez un autre article à côté de celui-ci (Ctrl+Maj+Entrée dans la bibliothèque) pour les comparer</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Entity or amount</source>
        <translation>Entité ou montant</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Shared entities</source>
        <translation>Entités communes</translation>
    </message>
    <message>
        <source>Amounts that agree</source>
        <translation>Montants concordants</translation>
    </message>
    <message>
        <source>Amounts that differ</source>
        <translation>Montants divergents</translation>
    </message>
    <message>
        <source>Only in {title}</source>
        <translation>Seulement dans {title}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n mention(s) — click to show the first one in each article</source>
        <translation>
            <numerusform>{name}&#xa0;: %n mention — cliquez pour afficher la première dans chaque article</numerusform>
            <numerusform>{name}&#xa0;: %n mentions — cliquez pour afficher la première dans chaque article</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked to {parties} in each article, with values that differ</source>
        <translation>Lié à {parties} dans chaque article, avec des valeurs différentes</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Database {path} was written by a newer version of Marginalia (schema {version}; this version reads up to {supported}). It has not been changed. Update Marginalia to open it.</source>
        <translation>La base {path} a été écrite par une version plus récente de Marginalia (schéma {version}&#xa0;; cette version lit jusqu’au schéma {supported}). Elle n’a pas été modifiée. Mettez Marginalia à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <source>its header carries another program&apos;s mark (application id {mark})</source>
        <translation>son en-tête porte la marque d’un autre programme (identifiant d’application {mark})</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no tables</comment>
        <translation>aucune</translation>
    </message>
    <message>
        <source>it holds another program&apos;s tables ({names})</source>
        <translation>le fichier contient les tables d’un autre programme ({names})</translation>
    </message>
    <message>
        <source>{path} is not a Marginalia database: {why}. It has not been changed; choose another file with --db.</source>
        <translation>{path} n’est pas une base Marginalia&#xa0;: {why}. Le fichier n’a pas été modifié&#xa0;; choisissez un autre fichier avec --db.</translation>
    </message>
    <message>
        <source>{path} is not a Marginalia database: SQLite cannot read it as a database at all. It has not been changed.</source>
        <translation>{path} n’est pas une base Marginalia&#xa0;: SQLite ne peut pas du tout le lire comme une base de données. Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>Cannot open database {path}: the file is not readable.</source>
        <translation>Impossible d’ouvrir la base {path}&#xa0;: le fichier n’est pas accessible en lecture.</translation>
    </message>
    <message>
        <source>Cannot read database {path}: {reason}.</source>
        <translation>Impossible de lire la base {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot open database {path}: {reason}.</source>
        <translation>Impossible d’ouvrir la base {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>as asked (--read-only)</source>
        <translation>comme demandé (--read-only)</translation>
    </message>
    <message>
        <source>because the file is not writable</source>
        <translation>car le fichier n’est pas accessible en écriture</translation>
    </message>
    <message>
        <source>because its folder {folder} is not writable (SQLite needs to create its journal files beside the database)</source>
        <translation>car son dossier {folder} n’est pas accessible en écriture (SQLite doit créer ses fichiers de journal à côté de la base)</translation>
    </message>
    <message>
        <source>Marginalia opened {file} read only {why}: nothing can be saved to it.</source>
        <translation>Marginalia a ouvert {file} en lecture seule {why}&#xa0;: rien ne peut y être enregistré.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} est un dossier, pas un fichier de base de données.</translation>
    </message>
    <message>
        <source>{path} must be upgraded to this version of Marginalia before it can be read, which means writing to it, but it is open read only {why}. It has not been changed.</source>
        <translation>{path} doit être mis à niveau pour cette version de Marginalia avant de pouvoir être lu, ce qui implique d’y écrire, mais il est ouvert en lecture seule {why}. Il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>There is no Marginalia database in {path} yet, and it is open read only {why}, so none was created.</source>
        <translation>{path} ne contient pas encore de base Marginalia, et il est ouvert en lecture seule {why}&#xa0;: aucune n’a donc été créée.</translation>
    </message>
    <message>
        <source>Cannot create the folder for {path}: {reason}.</source>
        <translation>Impossible de créer le dossier de {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot create the database {path}: its folder is not writable.</source>
        <translation>Impossible de créer la base {path}&#xa0;: son dossier n’est pas accessible en écriture.</translation>
    </message>
    <message>
        <source>Cannot create the database {path}: {reason}.</source>
        <translation>Impossible de créer la base {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The database {database} could not be used: {reason}.</source>
        <translation>La base {database} n’a pas pu être utilisée&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot connect to the database {database}: {reason}.</source>
        <translation>Impossible de se connecter à la base {database}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The database {database} must be set up or upgraded for this version of Marginalia, which means writing to it, but it is open read only. It has not been changed.</source>
        <translation>La base {database} doit être initialisée ou mise à niveau pour cette version de Marginalia, ce qui implique d’y écrire, mais elle est ouverte en lecture seule. Elle n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Cannot open the database {database}: {reason}.</source>
        <translation>Impossible d’ouvrir la base {database}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>{database} is not a Marginalia database: it holds another program&apos;s tables ({names}). It has not been changed; choose another database with --db.</source>
        <translation>{database} n’est pas une base Marginalia&#xa0;: elle contient les tables d’un autre programme ({names}). Elle n’a pas été modifiée&#xa0;; choisissez une autre base avec --db.</translation>
    </message>
    <message>
        <source>{database} is not a Marginalia database: its version record carries another mark ({mark}). It has not been changed.</source>
        <translation>{database} n’est pas une base Marginalia&#xa0;: son enregistrement de version porte une autre marque ({mark}). Elle n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Database {database} was set up by a newer version of Marginalia (schema {version}; this version reads up to {supported}). It has not been changed. Update Marginalia to open it.</source>
        <translation>La base {database} a été initialisée par une version plus récente de Marginalia (schéma {version}&#xa0;; cette version lit jusqu’au schéma {supported}). Elle n’a pas été modifiée. Mettez Marginalia à jour pour l’ouvrir.</translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>The entities the amount is linked to as a deal</source>
        <translation>Les entités auxquelles le montant est lié en tant qu’accord</translation>
    </message>
    <message>
        <source>The amount (a range when the reports differ)</source>
        <translation>Le montant (une fourchette quand les sources divergent)</translation>
    </message>
    <message>
        <source>How long the deal runs, as a duration tag of the article says it</source>
        <translation>La durée de l’accord, telle qu’une annotation de durée de l’article l’indique</translation>
    </message>
    <message>
        <source>The earliest date of an article that reports it</source>
        <translation>La date la plus ancienne parmi les articles qui le rapportent</translation>
    </message>
    <message>
        <source>How many tagged amounts report it — double-click to open them side by side</source>
        <translation>Combien de montants annotés le rapportent — double-cliquez pour les ouvrir côte à côte</translation>
    </message>
    <message>
        <source>✓ You said these reports are one deal: counted once</source>
        <translation>✓ Vous avez dit que ces sources sont un seul accord&#xa0;: compté une fois</translation>
    </message>
    <message>
        <source>You said this report is a deal of its own: it is never proposed with another (select both rows and Count once to join them)</source>
        <translation>Vous avez dit que cette source est un accord à part&#xa0;: elle n’est jamais proposée avec une autre (sélectionnez les deux lignes puis Compter une fois pour les réunir)</translation>
    </message>
    <message>
        <source>{amount} in “{title}”</source>
        <translation>{amount} dans «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>sans date</translation>
    </message>
    <message>
        <source>Double-click to open them side by side</source>
        <translation>Double-cliquez pour les ouvrir côte à côte</translation>
    </message>
</context>
<context>
    <name>DealsDock</name>
    <message>
        <source>No deals yet. Select an amount and its parties in the Annotations panel, then Edit ▸ Link as deal (Ctrl+J).</source>
        <translation>Aucun accord pour l’instant. Sélectionnez un montant et ses parties dans le panneau Annotations, puis Édition ▸ Lier en accord (Ctrl+J).</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Accords</translation>
    </message>
    <message>
        <source>Filter by party…</source>
        <translation>Filtrer par partie…</translation>
    </message>
    <message>
        <source>Filter deals by party</source>
        <translation>Filtrer les accords par partie</translation>
    </message>
    <message>
        <source>Count once</source>
        <translation>Compter une fois</translation>
    </message>
    <message>
        <source>Count each</source>
        <translation>Compter chacune</translation>
    </message>
    <message>
        <source>These are separate deals: count every report, and no longer propose them as one</source>
        <translation>Ce sont des accords distincts&#xa0;: compter chaque source, et ne plus les proposer comme un seul</translation>
    </message>
    <message>
        <source>Opened {shown} of the {count} articles that report this deal (at most {shown} side by side).</source>
        <translation>{shown} des {count} articles qui rapportent cet accord ont été ouverts (au plus {shown} côte à côte).</translation>
    </message>
    <message numerus="yes">
        <source>Opened the %n article(s) that report {parties}, with the amount selected.</source>
        <translation>
            <numerusform>Article qui rapporte {parties} ouvert, avec le montant sélectionné.</numerusform>
            <numerusform>Les %n articles qui rapportent {parties} ont été ouverts, avec le montant sélectionné.</numerusform>
        </translation>
    </message>
    <message>
        <source>No deal has a party matching the filter.</source>
        <translation>Aucun accord n’a de partie correspondant au filtre.</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n accord</numerusform>
            <numerusform>%n accords</numerusform>
        </translation>
    </message>
    <message>
        <source>{deals} ({reports})</source>
        <translation>{deals} ({reports})</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message>
        <source>{deals} · double-click one to open its sources</source>
        <translation>{deals} · double-cliquez pour ouvrir ses sources</translation>
    </message>
    <message>
        <source>Count {parties} once</source>
        <translation>Compter {parties} une fois</translation>
    </message>
    <message>
        <source>Count each report of {parties}</source>
        <translation>Compter chaque source de {parties}</translation>
    </message>
    <message>
        <source>Leave “{title}” out of {parties}</source>
        <translation>Retirer «&#xa0;{title}&#xa0;» de l’accord {parties}</translation>
    </message>
    <message>
        <source>Open the sources side by side</source>
        <translation>Ouvrir les sources côte à côte</translation>
    </message>
    <message>
        <source>Leave out of this deal</source>
        <translation>Retirer de cet accord</translation>
    </message>
    <message>
        <source>A deal of its own, never proposed with another report; the others stay as they are</source>
        <translation>Un accord à part, jamais proposé avec une autre source&#xa0;; les autres restent telles quelles</translation>
    </message>
    <message>
        <source>The selected reports are in different currencies: they cannot be counted as one deal</source>
        <translation>Les sources sélectionnées sont dans des devises différentes&#xa0;: elles ne peuvent pas être comptées comme un seul accord</translation>
    </message>
    <message>
        <source>The reports of the selected rows are one deal: the money figures count it once (the earliest report)</source>
        <translation>Les sources des lignes sélectionnées sont un seul accord&#xa0;: les montants le comptent une fois (la source la plus ancienne)</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>boundaries differ</source>
        <translation>limites différentes</translation>
    </message>
    <message>
        <source>label differs</source>
        <translation>étiquette différente</translation>
    </message>
    <message>
        <source>only left</source>
        <translation>à gauche seulement</translation>
    </message>
    <message>
        <source>only right</source>
        <translation>à droite seulement</translation>
    </message>
    <message>
        <source>{author} (left)</source>
        <translation>{author} (gauche)</translation>
    </message>
    <message>
        <source>{author} (right)</source>
        <translation>{author} (droite)</translation>
    </message>
</context>
<context>
    <name>EntitiesDock</name>
    <message>
        <source>No entities yet. Tag a name in the reader (select it, press 1–4) and it is listed here.</source>
        <translation>Aucune entité pour l’instant. Annotez un nom dans l’article (sélectionnez-le, appuyez sur 1–4) et il apparaîtra ici.</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entités</translation>
    </message>
    <message>
        <source>Filter by name or alias…</source>
        <translation>Filtrer par nom ou alias…</translation>
    </message>
    <message>
        <source>Filter entities</source>
        <translation>Filtrer les entités</translation>
    </message>
    <message>
        <source>List the entities of one label only</source>
        <translation>N’afficher que les entités d’une étiquette</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Give the entity another name (F2)</source>
        <translation>Donner un autre nom à l’entité (F2)</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Fusionner dans…</translation>
    </message>
    <message>
        <source>Make the selected entities one: their tags point to the one you choose, their names become its aliases</source>
        <translation>Ne faire qu’une des entités sélectionnées&#xa0;: leurs annotations renvoient à celle que vous choisissez, leurs noms deviennent ses alias</translation>
    </message>
    <message>
        <source>&amp;Split alias off…</source>
        <translation>&amp;Séparer un alias…</translation>
    </message>
    <message>
        <source>Make one of the entity&apos;s aliases an entity of its own, with the tags that use it</source>
        <translation>Faire d’un alias de l’entité une entité à part entière, avec les annotations qui l’emploient</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Su&amp;pprimer…</translation>
    </message>
    <message>
        <source>Delete the entity and every tag that mentions it</source>
        <translation>Supprimer l’entité et toutes les annotations qui la mentionnent</translation>
    </message>
    <message>
        <source>Rename entity</source>
        <translation>Renommer l’entité</translation>
    </message>
    <message>
        <source>New name for “{name}” ({label}):</source>
        <translation>Nouveau nom pour «&#xa0;{name}&#xa0;» ({label})&#xa0;:</translation>
    </message>
    <message>
        <source>Rename “{name}”</source>
        <translation>Renommer «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({label}, %n tag(s))</source>
        <translation>
            <numerusform>{name} ({label}, %n annotation)</numerusform>
            <numerusform>{name} ({label}, %n annotations)</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge the 2 selected entities into which one?
The tags of the other one will point to it, and the other&apos;s name and aliases will be kept as its aliases.</source>
        <translation>Fusionner les 2 entités sélectionnées dans laquelle&#xa0;?
Les annotations de l’autre renverront à elle, et le nom et les alias de l’autre deviendront ses alias.</translation>
    </message>
    <message>
        <source>Merge the {count} selected entities into which one?
The tags of the other {others} will point to it, and their names and aliases will be kept as its aliases.</source>
        <translation>Fusionner les {count} entités sélectionnées dans laquelle&#xa0;?
Les annotations des {others} autres renverront à elle, et leurs noms et alias deviendront ses alias.</translation>
    </message>
    <message>
        <source>Merge entities</source>
        <translation>Fusionner des entités</translation>
    </message>
    <message>
        <source>Merge into “{name}”</source>
        <translation>Fusionner dans «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>Split alias off</source>
        <translation>Séparer un alias</translation>
    </message>
    <message>
        <source>Which name of “{name}” becomes an entity of its own?
The tags that read that name move to it.</source>
        <translation>Quel nom de «&#xa0;{name}&#xa0;» devient une entité à part entière&#xa0;?
Les annotations qui portent ce nom y seront rattachées.</translation>
    </message>
    <message>
        <source>Split “{alias}” off</source>
        <translation>Séparer «&#xa0;{alias}&#xa0;»</translation>
    </message>
    <message>
        <source>Delete entity</source>
        <translation>Supprimer l’entité</translation>
    </message>
    <message>
        <source>Delete “{name}”</source>
        <translation>Supprimer «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Delete “{name}” ({label}) with its %n alias(es)</source>
        <translation>
            <numerusform>Supprimer «&#xa0;{name}&#xa0;» ({label}) avec son alias</numerusform>
            <numerusform>Supprimer «&#xa0;{name}&#xa0;» ({label}) avec ses %n alias</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “{name}” ({label})</source>
        <translation>Supprimer «&#xa0;{name}&#xa0;» ({label})</translation>
    </message>
    <message numerus="yes">
        <source>{question}?

%n tag(s) in {articles} will be removed with it.</source>
        <translation>
            <numerusform>{question}&#xa0;?

%n annotation dans {articles} sera supprimée avec elle.</numerusform>
            <numerusform>{question}&#xa0;?

%n annotations dans {articles} seront supprimées avec elle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>{question}?

No tag mentions it.</source>
        <translation>{question}&#xa0;?

Aucune annotation ne la mentionne.</translation>
    </message>
    <message>
        <source>Edit ▸ Undo brings everything back.</source>
        <translation>Édition ▸ Annuler rétablit tout.</translation>
    </message>
    <message>
        <source>the entity</source>
        <translation>l’entité</translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n article(s) that mention(s) “{name}”</source>
        <translation>
            <numerusform>Article qui mentionne «&#xa0;{name}&#xa0;»</numerusform>
            <numerusform>Les %n articles qui mentionnent «&#xa0;{name}&#xa0;»</numerusform>
        </translation>
    </message>
    <message>
        <source>The change could not be made.</source>
        <translation>La modification n’a pas pu être faite.</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>%n entité</numerusform>
            <numerusform>%n entités</numerusform>
        </translation>
    </message>
    <message>
        <source>{entities} · double-click one to list its articles</source>
        <translation>{entities} · double-cliquez pour lister ses articles</translation>
    </message>
    <message>
        <source>No entity matches the filter.</source>
        <translation>Aucune entité ne correspond au filtre.</translation>
    </message>
    <message>
        <source>The list could not be read: {reason}</source>
        <translation>La liste n’a pas pu être lue&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>The entity&apos;s name</source>
        <translation>Le nom de l’entité</translation>
    </message>
    <message>
        <source>Its label</source>
        <translation>Son étiquette</translation>
    </message>
    <message>
        <source>Other names that mean it</source>
        <translation>Les autres noms qui la désignent</translation>
    </message>
    <message>
        <source>How many tags point to it</source>
        <translation>Combien d’annotations renvoient à elle</translation>
    </message>
    <message>
        <source>How many articles hold one of them</source>
        <translation>Combien d’articles en contiennent une</translation>
    </message>
    <message>
        <source>Also called: {names}</source>
        <translation>Aussi appelée&#xa0;: {names}</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) in {articles} — double-click to list those articles</source>
        <translation>
            <numerusform>%n annotation dans {articles} — double-cliquez pour lister ces articles</numerusform>
            <numerusform>%n annotations dans {articles} — double-cliquez pour lister ces articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>article {article}, annotation {annotation} (“{text}”): {reason}</source>
        <translation>article {article}, annotation {annotation} («&#xa0;{text}&#xa0;»)&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Exported {count} article to {path}.</source>
        <translation>{count} article exporté vers {path}.</translation>
    </message>
    <message>
        <source>Exported {count} articles to {path}.</source>
        <translation>{count} articles exportés vers {path}.</translation>
    </message>
    <message>
        <source>Exported {count} annotation to {path}.</source>
        <translation>{count} annotation exportée vers {path}.</translation>
    </message>
    <message>
        <source>Exported {count} annotations to {path}.</source>
        <translation>{count} annotations exportées vers {path}.</translation>
    </message>
    <message>
        <source>Exported {count} deal to {path}.</source>
        <translation>{count} accord exporté vers {path}.</translation>
    </message>
    <message>
        <source>Exported {count} deals to {path}.</source>
        <translation>{count} accords exportés vers {path}.</translation>
    </message>
    <message>
        <source>{count} suggestion not accepted yet left out.</source>
        <translation>{count} suggestion pas encore acceptée laissée de côté.</translation>
    </message>
    <message>
        <source>{count} suggestions not accepted yet left out.</source>
        <translation>{count} suggestions pas encore acceptées laissées de côté.</translation>
    </message>
    <message>
        <source>{count} annotation the format cannot carry left out.</source>
        <translation>{count} annotation que le format ne peut pas contenir laissée de côté.</translation>
    </message>
    <message>
        <source>{count} annotations the format cannot carry left out.</source>
        <translation>{count} annotations que le format ne peut pas contenir laissées de côté.</translation>
    </message>
    <message>
        <source>its span {start}–{end} is not within the article&apos;s text ({count} characters)</source>
        <translation>son étendue {start}–{end} ne se trouve pas dans le texte de l’article ({count} caractères)</translation>
    </message>
    <message>
        <source>brat has no span for empty or line-break-only text</source>
        <translation>brat n’a pas d’étendue pour un texte vide ou fait uniquement de sauts de ligne</translation>
    </message>
    <message>
        <source>CoNLL tokens drop white space, and this span starts or ends with it (or is empty)</source>
        <translation>les jetons CoNLL omettent les espaces, et cette étendue commence ou finit par un espace (ou est vide)</translation>
    </message>
    <message>
        <source>it overlaps annotation {annotation} (“{text}”): CoNLL has one tag per token</source>
        <translation>elle chevauche l’annotation {annotation} («&#xa0;{text}&#xa0;»)&#xa0;: CoNLL n’a qu’une étiquette par jeton</translation>
    </message>
    <message>
        <source>its ends fall inside spaCy tokens ({tokens})</source>
        <translation>ses extrémités tombent à l’intérieur de jetons spaCy ({tokens})</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <comment>a token quoted in a message</comment>
        <translation>«&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no tokens</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Article {article} (“{title}”) was not exported: {reason}. No file was written.</source>
        <translation>L’article {article} («&#xa0;{title}&#xa0;») n’a pas été exporté&#xa0;: {reason}. Aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Article {article} (“{title}”) was not exported: the {key} of its annotation {annotation} (“{text}”) is infinite, which JSON cannot hold. Correct the value and export again; no file was written.</source>
        <translation>L’article {article} («&#xa0;{title}&#xa0;») n’a pas été exporté&#xa0;: le champ {key} de son annotation {annotation} («&#xa0;{text}&#xa0;») est infini, ce que JSON ne peut pas contenir. Corrigez la valeur et exportez à nouveau&#xa0;; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Article {article} (“{title}”) was not exported: the {key} of its annotation {annotation} (“{text}”) is not a number, which JSON cannot hold. Correct the value and export again; no file was written.</source>
        <translation>L’article {article} («&#xa0;{title}&#xa0;») n’a pas été exporté&#xa0;: le champ {key} de son annotation {annotation} («&#xa0;{text}&#xa0;») n’est pas un nombre, ce que JSON ne peut pas contenir. Corrigez la valeur et exportez à nouveau&#xa0;; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Article {article} (“{title}”) was not exported: a value is infinite or not a number, which JSON cannot hold. No file was written.</source>
        <translation>L’article {article} («&#xa0;{title}&#xa0;») n’a pas été exporté&#xa0;: une valeur est infinie ou n’est pas un nombre, ce que JSON ne peut pas contenir. Aucun fichier n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export annotations</source>
        <translation>Exporter les annotations</translation>
    </message>
    <message numerus="yes">
        <source>The %n article(s) selected in the library</source>
        <translation>
            <numerusform>L’article sélectionné dans la bibliothèque</numerusform>
            <numerusform>Les %n articles sélectionnés dans la bibliothèque</numerusform>
        </translation>
    </message>
    <message>
        <source>Every article ({count})</source>
        <translation>Tous les articles ({count})</translation>
    </message>
    <message>
        <source>This article: “{title}”</source>
        <translation>Cet article&#xa0;: «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>This article (none is open)</source>
        <translation>Cet article (aucun n’est ouvert)</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Quoi exporter</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>For {consumer}. Offsets: {offsets}.</source>
        <translation>Pour {consumer}. Positions&#xa0;: {offsets}.</translation>
    </message>
</context>
<context>
    <name>ExportFormat</name>
    <message>
        <source>JSON Lines, one article per line</source>
        <translation>JSON Lines, un article par ligne</translation>
    </message>
    <message>
        <source>code points</source>
        <translation>points de code</translation>
    </message>
    <message>
        <source>Marginalia (re-importable), any JSON reader</source>
        <translation>Marginalia (réimportable), tout lecteur de JSON</translation>
    </message>
    <message>
        <source>CSV, one annotation per row</source>
        <translation>CSV, une annotation par ligne</translation>
    </message>
    <message>
        <source>spreadsheets</source>
        <translation>tableurs</translation>
    </message>
    <message>
        <source>brat standoff (.txt + .ann per article, zipped)</source>
        <translation>brat standoff (.txt + .ann par article, compressés en zip)</translation>
    </message>
    <message>
        <source>code points of the .txt (UTF-8)</source>
        <translation>points de code du .txt (UTF-8)</translation>
    </message>
    <message>
        <source>brat, and standoff readers</source>
        <translation>brat et les lecteurs de format standoff</translation>
    </message>
    <message>
        <source>CoNLL-2003 IOB2 tokens</source>
        <translation>jetons CoNLL-2003 IOB2</translation>
    </message>
    <message>
        <source>tokens (no offsets; whitespace between them dropped)</source>
        <translation>jetons (pas de positions&#xa0;; les espaces entre eux sont omis)</translation>
    </message>
    <message>
        <source>NER trainers (spaCy convert, flair, Hugging Face)</source>
        <translation>outils d’entraînement de REN (spaCy convert, flair, Hugging Face)</translation>
    </message>
    <message>
        <source>spaCy DocBin</source>
        <translation>DocBin spaCy</translation>
    </message>
    <message>
        <source>code points (spaCy character offsets; a span must fit its tokens)</source>
        <translation>points de code (positions de caractères spaCy&#xa0;; une étendue doit coïncider avec ses jetons)</translation>
    </message>
    <message>
        <source>spaCy 3 (spacy train, DocBin)</source>
        <translation>spaCy 3 (spacy train, DocBin)</translation>
    </message>
    <message>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>W3C Web Annotation (JSON-LD)</translation>
    </message>
    <message>
        <source>code points (TextPositionSelector)</source>
        <translation>points de code (TextPositionSelector)</translation>
    </message>
    <message>
        <source>Web Annotation clients</source>
        <translation>clients Web Annotation</translation>
    </message>
    <message>
        <source>Label Studio tasks (JSON)</source>
        <translation>tâches Label Studio (JSON)</translation>
    </message>
    <message>
        <source>code points (Label Studio&apos;s Text tag)</source>
        <translation>points de code (balise Text de Label Studio)</translation>
    </message>
    <message>
        <source>Label Studio</source>
        <translation>Label Studio</translation>
    </message>
    <message>
        <source>doccano sequence labelling (JSONL)</source>
        <translation>étiquetage de séquences doccano (JSONL)</translation>
    </message>
    <message>
        <source>UTF-16 code units (doccano&apos;s default)</source>
        <translation>unités de code UTF-16 (par défaut dans doccano)</translation>
    </message>
    <message>
        <source>doccano</source>
        <translation>doccano</translation>
    </message>
    <message>
        <source>REFI-QDA project (.qdpx)</source>
        <translation>projet REFI-QDA (.qdpx)</translation>
    </message>
    <message>
        <source>code points of the source&apos;s .txt (UTF-8)</source>
        <translation>points de code du .txt de la source (UTF-8)</translation>
    </message>
    <message>
        <source>QDA software (ATLAS.ti, MAXQDA, NVivo, QualCoder…)</source>
        <translation>logiciels d’analyse qualitative (ATLAS.ti, MAXQDA, NVivo, QualCoder…)</translation>
    </message>
    <message>
        <source>Deals, one per row (CSV)</source>
        <translation>Accords, un par ligne (CSV)</translation>
    </message>
    <message>
        <source>code points (sources as article_id:start-end)</source>
        <translation>points de code (sources au format article_id:début-fin)</translation>
    </message>
    <message>
        <source>spreadsheets (the columns of `marginalia deals`)</source>
        <translation>tableurs (les colonnes de «&#xa0;marginalia deals&#xa0;»)</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Linked by relations</source>
        <translation>Liés par des relations</translation>
    </message>
    <message>
        <source>Same sentence</source>
        <translation>Même phrase</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>Sans date</translation>
    </message>
    <message>
        <source>Tag entities to see who is mentioned most: select a name in the reader and press its label key (1 for ORG, 2 for PERSON…).</source>
        <translation>Annotez des entités pour voir qui est le plus mentionné&#xa0;: sélectionnez un nom dans l’article et appuyez sur la touche de son étiquette (1 pour ORG, 2 pour PERSON…).</translation>
    </message>
    <message>
        <source>Link your entity tags to entities to see who is mentioned most: select a tag in the Annotations panel and type a name in its Entity box.</source>
        <translation>Liez vos annotations d’entités à des entités pour voir qui est le plus mentionné&#xa0;: sélectionnez une annotation dans le panneau Annotations et saisissez un nom dans son champ Entité.</translation>
    </message>
    <message>
        <source>Tag some amounts to see them here: tag a sum as MONEY and give it a value and a currency (e.g. 38e9 USD).</source>
        <translation>Annotez des montants pour les voir ici&#xa0;: annotez une somme comme MONEY et donnez-lui une valeur et une devise (p. ex. 38e9 USD).</translation>
    </message>
    <message>
        <source>No amount here is linked to an entity by a relation. Amounts are named in the same sentence as entities: count them by that rule instead.</source>
        <translation>Aucun montant n’est lié ici à une entité par une relation. Des montants sont cités dans la même phrase que des entités&#xa0;: comptez-les plutôt selon cette règle.</translation>
    </message>
    <message>
        <source>No amount here is linked to an entity by a relation. Link amounts to the entities they belong to, or tag the entities named next to them.</source>
        <translation>Aucun montant n’est lié ici à une entité par une relation. Liez les montants aux entités auxquelles ils se rapportent, ou annotez les entités citées à côté d’eux.</translation>
    </message>
    <message>
        <source>No entity is named in the same sentence as an amount here. Tag the entities next to your amounts.</source>
        <translation>Aucune entité n’est citée ici dans la même phrase qu’un montant. Annotez les entités proches de vos montants.</translation>
    </message>
    <message>
        <source>Tag entities or amounts to see them month by month.</source>
        <translation>Annotez des entités ou des montants pour les voir mois par mois.</translation>
    </message>
    <message>
        <source>Tag some text to see how often each label is used: select it in the reader and press a label key (1–9).</source>
        <translation>Annotez du texte pour voir la fréquence de chaque étiquette&#xa0;: sélectionnez-le dans l’article et appuyez sur la touche d’une étiquette (1–9).</translation>
    </message>
</context>
<context>
    <name>FilterNote</name>
    <message>
        <source>Clear filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>List every article and annotation again</source>
        <translation>Afficher de nouveau tous les articles et annotations</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Find in article</source>
        <translation>Rechercher dans l’article</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Found</name>
    <message>
        <source>in an unchanged passage</source>
        <translation>dans un passage inchangé</translation>
    </message>
    <message>
        <source>the same words, with their context</source>
        <translation>les mêmes mots, avec leur contexte</translation>
    </message>
    <message>
        <source>the same words at several places</source>
        <translation>les mêmes mots à plusieurs endroits</translation>
    </message>
    <message>
        <source>the same words, with a changed context</source>
        <translation>les mêmes mots, dans un contexte modifié</translation>
    </message>
    <message>
        <source>reworded</source>
        <translation>reformulé</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Take the &amp;tour</source>
        <translation>Faire la &amp;visite guidée</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{count} bytes</source>
        <translation>{count} octets</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>un tube nommé (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un périphérique</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>une socket</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>un fichier spécial</translation>
    </message>
    <message>
        <source>This is {kind}, not a regular file: Marginalia reads only regular files (reading this one could block or never end).</source>
        <translation>C’est {kind}, pas un fichier ordinaire&#xa0;: Marginalia ne lit que des fichiers ordinaires (lire celui-ci pourrait bloquer ou ne jamais finir).</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Le fichier n’existe pas.</translation>
    </message>
    <message>
        <source>Permission denied: Marginalia is not allowed to read this file.</source>
        <translation>Permission refusée&#xa0;: Marginalia n’a pas le droit de lire ce fichier.</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>C’est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>This is a symbolic link that leads back to itself (a loop of links), so there is no file to read.</source>
        <translation>C’est un lien symbolique qui ramène à lui-même (une boucle de liens)&#xa0;: il n’y a aucun fichier à lire.</translation>
    </message>
    <message>
        <source>error {number}</source>
        <translation>erreur {number}</translation>
    </message>
    <message>
        <source>The file could not be read ({reason}).</source>
        <translation>Le fichier n’a pas pu être lu ({reason}).</translation>
    </message>
    <message>
        <source>The file is larger than {size}, the most one article may take; split it, or import its articles as JSON Lines.</source>
        <translation>Le fichier dépasse {size}, le maximum pour un article&#xa0;: découpez-le, ou importez ses articles au format JSON Lines.</translation>
    </message>
    <message>
        <source>Once expanded, this compressed file is larger than {size}, the most Marginalia reads from one file.</source>
        <translation>Une fois décompressé, ce fichier dépasse {size}, le maximum que Marginalia lit d’un fichier.</translation>
    </message>
    <message>
        <source>This compressed file expands to more than {times} times its size, as only a decompression bomb does; Marginalia stopped expanding it.</source>
        <translation>Ce fichier compressé dépasse {times} fois sa taille une fois décompressé, comme seule une bombe de décompression le fait&#xa0;: Marginalia a arrêté de le décompresser.</translation>
    </message>
    <message>
        <source>The page is larger than {size}, the most Marginalia reads of a saved web page.</source>
        <translation>La page dépasse {size}, le maximum que Marginalia lit d’une page web enregistrée.</translation>
    </message>
    <message>
        <source>The PDF is larger than {size}, the most Marginalia reads of one PDF.</source>
        <translation>Le PDF dépasse {size}, le maximum que Marginalia lit d’un PDF.</translation>
    </message>
    <message>
        <source>Read as {encoding}: the page is not UTF-8 and does not say its encoding (check that its accents look right).</source>
        <translation>Lue en {encoding}&#xa0;: la page n’est pas en UTF-8 et n’indique pas son encodage (vérifiez que ses accents s’affichent correctement).</translation>
    </message>
    <message>
        <source>Read as {encoding}: the file is not UTF-8 (check that its accents look right).</source>
        <translation>Lu en {encoding}&#xa0;: le fichier n’est pas en UTF-8 (vérifiez que ses accents s’affichent correctement).</translation>
    </message>
    <message>
        <source>without an extension</source>
        <translation>sans extension</translation>
    </message>
    <message>
        <source>Unsupported file type {kind}: Marginalia imports .txt, .md, .markdown, .jsonl, .jsonl.gz, .html, .htm and .pdf files, and .zip archives of them.</source>
        <translation>Type de fichier non pris en charge {kind}&#xa0;: Marginalia importe les fichiers .txt, .md, .markdown, .jsonl, .jsonl.gz, .html, .htm et .pdf, et les archives .zip qui en contiennent.</translation>
    </message>
    <message>
        <source>a README</source>
        <translation>un fichier README</translation>
    </message>
    <message>
        <source>a licence</source>
        <translation>une licence</translation>
    </message>
    <message>
        <source>a change log</source>
        <translation>un journal des modifications</translation>
    </message>
    <message>
        <source>a list of authors</source>
        <translation>une liste d’auteurs</translation>
    </message>
    <message>
        <source>a notice</source>
        <translation>un avis</translation>
    </message>
    <message>
        <source>This {encoding} file is damaged and can&apos;t be decoded.</source>
        <translation>Ce fichier {encoding} est endommagé et ne peut pas être décodé.</translation>
    </message>
    <message>
        <source>This {encoding} text holds a NUL character on line {line}, which no text has: the file is damaged, or not text.</source>
        <translation>Ce texte {encoding} contient un caractère NUL à la ligne {line}, ce qu’aucun texte ne contient&#xa0;: le fichier est endommagé, ou ce n’est pas du texte.</translation>
    </message>
    <message>
        <source>This is a binary file, not text.</source>
        <translation>C’est un fichier binaire, pas du texte.</translation>
    </message>
    <message>
        <source>This is not UTF-8 text: byte {byte} on line {line} (byte {position} of the file) is not valid UTF-8. Save the file as UTF-8 and import it again.</source>
        <translation>Ce n’est pas du texte UTF-8&#xa0;: l’octet {byte} à la ligne {line} (octet {position} du fichier) n’est pas de l’UTF-8 valide. Enregistrez le fichier en UTF-8 et importez-le de nouveau.</translation>
    </message>
    <message>
        <source>This is not UTF-8 text: byte {byte} (byte {position} of the line) is not valid UTF-8. Save the file as UTF-8 and import it again.</source>
        <translation>Ce n’est pas du texte UTF-8&#xa0;: l’octet {byte} (octet {position} de la ligne) n’est pas de l’UTF-8 valide. Enregistrez le fichier en UTF-8 et importez-le de nouveau.</translation>
    </message>
    <message>
        <source>The article has no text.</source>
        <translation>L’article n’a pas de texte.</translation>
    </message>
    <message>
        <source>The date {date} is not a valid date of the form YYYY-MM-DD.</source>
        <translation>La date {date} n’est pas une date valide au format AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>This is not a valid gzip file.</source>
        <translation>Ce n’est pas un fichier gzip valide.</translation>
    </message>
    <message>
        <source>The compressed file is cut short or damaged after line {line}; the lines before it were read.</source>
        <translation>Le fichier compressé est tronqué ou endommagé après la ligne {line}&#xa0;; les lignes précédentes ont été lues.</translation>
    </message>
    <message>
        <source>The line is longer than {size}, the most one article may take; it was skipped.</source>
        <translation>La ligne dépasse {size}, le maximum pour un article&#xa0;; elle a été ignorée.</translation>
    </message>
    <message>
        <source>This is a binary file, not JSON Lines text.</source>
        <translation>C’est un fichier binaire, pas du texte JSON Lines.</translation>
    </message>
    <message>
        <source>Reading stopped at line {line}: {count} lines and not one article in them, so this is not JSON Lines of articles.</source>
        <translation>Lecture arrêtée à la ligne {line}&#xa0;: {count} lignes sans un seul article, ce n’est donc pas un fichier JSON Lines d’articles.</translation>
    </message>
    <message>
        <source>{reason} Reading stopped after line {line}; the lines before it were read.</source>
        <translation>{reason} Lecture arrêtée après la ligne {line}&#xa0;; les lignes précédentes ont été lues.</translation>
    </message>
    <message>
        <source>The file holds no articles: it is empty.</source>
        <translation>Le fichier ne contient aucun article&#xa0;: il est vide.</translation>
    </message>
    <message>
        <source>The file holds no articles: all its lines are blank.</source>
        <translation>Le fichier ne contient aucun article&#xa0;: toutes ses lignes sont vides.</translation>
    </message>
    <message>
        <source>{count} more lines with problems were skipped as well.</source>
        <translation>{count} autres lignes à problème ont aussi été ignorées.</translation>
    </message>
    <message>
        <source>This file is {encoding} text, but JSON Lines must be UTF-8: save it as UTF-8 and import it again.</source>
        <translation>Ce fichier est du texte {encoding}, mais le JSON Lines doit être en UTF-8&#xa0;: enregistrez-le en UTF-8 et importez-le de nouveau.</translation>
    </message>
    <message>
        <source>The line is not a JSON object.</source>
        <translation>La ligne n’est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The record has no &quot;body&quot; field.</source>
        <translation>L’enregistrement n’a pas de champ «&#xa0;body&#xa0;».</translation>
    </message>
    <message>
        <source>The &quot;body&quot; field is not text.</source>
        <translation>Le champ «&#xa0;body&#xa0;» n’est pas du texte.</translation>
    </message>
    <message>
        <source>&quot;annotations&quot;, &quot;relations&quot; and &quot;deals&quot; must be lists.</source>
        <translation>«&#xa0;annotations&#xa0;», «&#xa0;relations&#xa0;» et «&#xa0;deals&#xa0;» doivent être des listes.</translation>
    </message>
    <message>
        <source>The &quot;{key}&quot; field is not text.</source>
        <translation>Le champ «&#xa0;{key}&#xa0;» n’est pas du texte.</translation>
    </message>
    <message>
        <source>Not valid JSON: {reason} (column {column}).</source>
        <translation>JSON non valide&#xa0;: {reason} (colonne {column}).</translation>
    </message>
    <message>
        <source>Lists or objects are nested too deeply on this line to be read (hundreds of levels): no article is written like that.</source>
        <translation>Les listes ou objets de cette ligne sont imbriqués trop profondément pour être lus (des centaines de niveaux)&#xa0;: aucun article n’est écrit ainsi.</translation>
    </message>
    <message>
        <source>A number on this line has more than {count} digits, too many to read.</source>
        <translation>Un nombre de cette ligne a plus de {count} chiffres, trop pour être lu.</translation>
    </message>
    <message>
        <source>The {field} field holds a NUL character (\u0000), which no text has.</source>
        <translation>Le champ {field} contient un caractère NUL (\u0000), ce qu’aucun texte ne contient.</translation>
    </message>
    <message>
        <source>The {field} field holds {escape}, half of a UTF-16 surrogate pair and not a character: the program that wrote the file cut a character (an emoji?) in two.</source>
        <translation>Le champ {field} contient {escape}, une moitié de paire de substitution UTF-16 et non un caractère&#xa0;: le programme qui a écrit le fichier a coupé un caractère (un émoji&#xa0;?) en deux.</translation>
    </message>
    <message>
        <source>This is a compressed (gzip) file, not a web page: expand it first.</source>
        <translation>C’est un fichier compressé (gzip), pas une page web&#xa0;: décompressez-le d’abord.</translation>
    </message>
    <message>
        <source>This page holds more than {limit} tags ({count}), far more than any article&apos;s page: Marginalia did not read it.</source>
        <translation>Cette page contient plus de {limit} balises ({count}), bien plus que la page d’un article&#xa0;: Marginalia ne l’a pas lue.</translation>
    </message>
    <message>
        <source>The page&apos;s elements are nested too deeply to be read (thousands of levels): no article is written like that.</source>
        <translation>Les éléments de la page sont imbriqués trop profondément pour être lus (des milliers de niveaux)&#xa0;: aucun article n’est écrit ainsi.</translation>
    </message>
    <message>
        <source>This is a binary file, not a web page.</source>
        <translation>C’est un fichier binaire, pas une page web.</translation>
    </message>
    <message>
        <source>This file is not a web page: no HTML markup was found in it.</source>
        <translation>Ce fichier n’est pas une page web&#xa0;: aucun balisage HTML n’y a été trouvé.</translation>
    </message>
    <message>
        <source>Reading this page failed ({error}); the details are in the log.</source>
        <translation>La lecture de cette page a échoué ({error})&#xa0;; les détails sont dans le journal.</translation>
    </message>
    <message>
        <source>No article text was found in this page: it may hold only links and menus, or be drawn by scripts, which Marginalia does not run.</source>
        <translation>Aucun texte d’article n’a été trouvé dans cette page&#xa0;: elle ne contient peut-être que des liens et des menus, ou elle est affichée par des scripts, que Marginalia n’exécute pas.</translation>
    </message>
    <message>
        <source>This PDF has no text layer (a scan?); Marginalia cannot read its text.</source>
        <translation>Ce PDF n’a pas de couche de texte (une numérisation&#xa0;?)&#xa0;; Marginalia ne peut pas lire son texte.</translation>
    </message>
    <message>
        <source>This PDF is protected by a password; Marginalia cannot read it. Open it in a PDF reader and save or print a copy without a password, then import that copy.</source>
        <translation>Ce PDF est protégé par un mot de passe&#xa0;; Marginalia ne peut pas le lire. Ouvrez-le dans un lecteur PDF et enregistrez ou imprimez-en une copie sans mot de passe, puis importez cette copie.</translation>
    </message>
    <message>
        <source>This is not a PDF file (it does not start with “%PDF-”).</source>
        <translation>Ce n’est pas un fichier PDF (il ne commence pas par «&#xa0;%PDF-&#xa0;»).</translation>
    </message>
    <message>
        <source>This PDF&apos;s objects are nested too deeply to be read.</source>
        <translation>Les objets de ce PDF sont imbriqués trop profondément pour être lus.</translation>
    </message>
    <message>
        <source>This PDF has {count} pages, more than the {limit} Marginalia reads of one file.</source>
        <translation>Ce PDF a {count} pages, plus que les {limit} que Marginalia lit d’un fichier.</translation>
    </message>
    <message>
        <source>This PDF&apos;s pages expand to more than {times} times its size, as only a decompression bomb does; Marginalia stopped at page {page}.</source>
        <translation>Les pages de ce PDF dépassent {times} fois sa taille une fois décompressées, comme seule une bombe de décompression le fait&#xa0;; Marginalia s’est arrêté à la page {page}.</translation>
    </message>
    <message>
        <source>Page {page}: {reason}</source>
        <translation>Page {page}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The text of this PDF is longer than {size}, the most one article may take.</source>
        <translation>Le texte de ce PDF dépasse {size}, le maximum pour un article.</translation>
    </message>
    <message>
        <source>This PDF is encrypted in a way Marginalia cannot decrypt ({error}).</source>
        <translation>Ce PDF est chiffré d’une manière que Marginalia ne sait pas déchiffrer ({error}).</translation>
    </message>
    <message>
        <source>This PDF holds a compressed stream that expands past {size} (or more work than that), as only a decompression bomb does; Marginalia stopped reading it.</source>
        <translation>Ce PDF contient un flux compressé qui dépasse {size} une fois décompressé (ou demande plus de travail), comme seule une bombe de décompression le fait&#xa0;; Marginalia a arrêté de le lire.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>This PDF is damaged, or built in a way Marginalia can&apos;t read ({error}).</source>
        <translation>Ce PDF est endommagé, ou construit d’une manière que Marginalia ne sait pas lire ({error}).</translation>
    </message>
    <message>
        <source>An unexpected error stopped the reading of this file, so it was skipped; the details are in the log. Please report it.</source>
        <translation>Une erreur inattendue a interrompu la lecture de ce fichier, qui a donc été ignoré&#xa0;; les détails sont dans le journal. Merci de la signaler.</translation>
    </message>
    <message>
        <source>Imported {count} article</source>
        <translation>{count} article importé</translation>
    </message>
    <message>
        <source>Imported {count} articles</source>
        <translation>{count} articles importés</translation>
    </message>
    <message>
        <source>No articles imported</source>
        <translation>Aucun article importé</translation>
    </message>
    <message>
        <source>{count} annotation in place</source>
        <translation>{count} annotation en place</translation>
    </message>
    <message>
        <source>{count} annotations in place</source>
        <translation>{count} annotations en place</translation>
    </message>
    <message>
        <source>updated {count} changed article ({placed}, {waiting} to review)</source>
        <translation>{count} article modifié mis à jour ({placed}, {waiting} à revoir)</translation>
    </message>
    <message>
        <source>updated {count} changed articles ({placed}, {waiting} to review)</source>
        <translation>{count} articles modifiés mis à jour ({placed}, {waiting} à revoir)</translation>
    </message>
    <message>
        <source>{count} already present</source>
        <comment>one article</comment>
        <translation>{count} déjà présent</translation>
    </message>
    <message>
        <source>{count} already present</source>
        <comment>several articles</comment>
        <translation>{count} déjà présents</translation>
    </message>
    <message>
        <source>{count} file could not be imported</source>
        <translation>{count} fichier n’a pas pu être importé</translation>
    </message>
    <message>
        <source>{count} files could not be imported</source>
        <translation>{count} fichiers n’ont pas pu être importés</translation>
    </message>
    <message>
        <source>{count} line with problems in {files}</source>
        <translation>{count} ligne à problème dans {files}</translation>
    </message>
    <message>
        <source>{count} lines with problems in {files}</source>
        <translation>{count} lignes à problème dans {files}</translation>
    </message>
    <message>
        <source>{count} file skipped as not an article</source>
        <translation>{count} fichier ignoré car ce n’est pas un article</translation>
    </message>
    <message>
        <source>{count} files skipped as not articles</source>
        <translation>{count} fichiers ignorés car ce ne sont pas des articles</translation>
    </message>
    <message>
        <source>{count} file read as {encoding}</source>
        <translation>{count} fichier lu en {encoding}</translation>
    </message>
    <message>
        <source>{count} files read as {encoding}</source>
        <translation>{count} fichiers lus en {encoding}</translation>
    </message>
    <message>
        <source>{count} file read in older encodings</source>
        <translation>{count} fichier lu dans un ancien encodage</translation>
    </message>
    <message>
        <source>{count} files read in older encodings</source>
        <translation>{count} fichiers lus dans d’anciens encodages</translation>
    </message>
    <message>
        <source>cancelled before the end</source>
        <translation>annulé avant la fin</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <source>{count} file</source>
        <translation>{count} fichier</translation>
    </message>
    <message>
        <source>{count} files</source>
        <translation>{count} fichiers</translation>
    </message>
    <message>
        <source>Skipped: looks like {kind}, not an article (import the file by itself to read it).</source>
        <translation>Ignoré&#xa0;: ressemble à {kind}, pas à un article (importez le fichier seul pour le lire).</translation>
    </message>
    <message>
        <source>This is not a valid file name.</source>
        <translation>Ce n’est pas un nom de fichier valide.</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>un fichier</translation>
    </message>
    <message>
        <source>This is a symbolic link to {target}, which does not exist.</source>
        <translation>C’est un lien symbolique vers {target}, qui n’existe pas.</translation>
    </message>
    <message>
        <source>Permission denied: Marginalia is not allowed to read this folder.</source>
        <translation>Permission refusée&#xa0;: Marginalia n’a pas le droit de lire ce dossier.</translation>
    </message>
    <message>
        <source>The folder could not be read ({reason}).</source>
        <translation>Le dossier n’a pas pu être lu ({reason}).</translation>
    </message>
    <message>
        <source>Could not store the imported articles: {error}. The {count} articles stored before are kept.</source>
        <translation>Impossible d’enregistrer les articles importés&#xa0;: {error}. Les {count} articles enregistrés auparavant sont conservés.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the import while storing articles of {files} (the details are in the log). The {count} articles stored before are kept.</source>
        <translation>Une erreur inattendue a interrompu l’import pendant l’enregistrement des articles de {files} (les détails sont dans le journal). Les {count} articles enregistrés auparavant sont conservés.</translation>
    </message>
    <message>
        <source>Reading {files}</source>
        <translation>Lecture de {files}</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <source>Annotation {number} was not restored: {reason}</source>
        <translation>L’annotation {number} n’a pas été restaurée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Relation {number} was not restored: it must have a kind and link two annotations of the same line.</source>
        <translation>La relation {number} n’a pas été restaurée&#xa0;: elle doit avoir un type et lier deux annotations de la même ligne.</translation>
    </message>
    <message>
        <source>The deal of amount {amount} is not counted once with the deal of amount {kept}: amount {kept} was not imported from this file.</source>
        <translation>L’accord du montant {amount} n’est pas compté une seule fois avec l’accord du montant {kept}&#xa0;: le montant {kept} n’a pas été importé de ce fichier.</translation>
    </message>
    <message>
        <source>Deal {number} is not set apart: &quot;separate&quot; must be true, and the deal counted with no other.</source>
        <translation>L’accord {number} n’est pas mis à part&#xa0;: «&#xa0;separate&#xa0;» doit valoir true, et l’accord n’être compté avec aucun autre.</translation>
    </message>
    <message>
        <source>Deal {number} is not set apart: its amount is not an annotation of the line.</source>
        <translation>L’accord {number} n’est pas mis à part&#xa0;: son montant n’est pas une annotation de la ligne.</translation>
    </message>
    <message>
        <source>Deal {number} is not counted once: its amount and the one it is counted with must be two annotation ids.</source>
        <translation>L’accord {number} n’est pas compté une seule fois&#xa0;: son montant et celui avec lequel il est compté doivent être deux identifiants d’annotation.</translation>
    </message>
    <message>
        <source>Deal {number} is not counted once: amount {amount} is not an annotation of the line.</source>
        <translation>L’accord {number} n’est pas compté une seule fois&#xa0;: le montant {amount} n’est pas une annotation de la ligne.</translation>
    </message>
    <message>
        <source>The deal of amount {amount} is not counted once with the deal of amount {kept}: that one is counted with it already.</source>
        <translation>L’accord du montant {amount} n’est pas compté une seule fois avec l’accord du montant {kept}&#xa0;: celui-ci est déjà compté avec lui.</translation>
    </message>
    <message>
        <source>Deal {number} is left out: an earlier deal of the line already says how its amount is counted.</source>
        <translation>L’accord {number} est laissé de côté&#xa0;: un accord précédent de la ligne dit déjà comment son montant est compté.</translation>
    </message>
    <message>
        <source>The entities&apos; aliases were not restored: &quot;entities&quot; must be a list.</source>
        <translation>Les alias des entités n’ont pas été restaurés&#xa0;: «&#xa0;entities&#xa0;» doit être une liste.</translation>
    </message>
    <message>
        <source>The aliases of entity {number} were not restored: {reason}</source>
        <translation>Les alias de l’entité {number} n’ont pas été restaurés&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The alias “{alias}” of “{name}” was not restored: in this database it names “{other}”, which keeps it.</source>
        <translation>L’alias «&#xa0;{alias}&#xa0;» de «&#xa0;{name}&#xa0;» n’a pas été restauré&#xa0;: dans cette base, il désigne «&#xa0;{other}&#xa0;», qui le conserve.</translation>
    </message>
    <message>
        <source>it is not a JSON object.</source>
        <translation>ce n’est pas un objet JSON.</translation>
    </message>
    <message>
        <source>it needs a name and a label.</source>
        <translation>il lui faut un nom et une étiquette.</translation>
    </message>
    <message>
        <source>its &quot;aliases&quot; must be a list of names.</source>
        <translation>son champ «&#xa0;aliases&#xa0;» doit être une liste de noms.</translation>
    </message>
    <message>
        <source>its label {label} is not an entity label of this database or of the line&apos;s annotations.</source>
        <translation>son étiquette {label} n’est pas une étiquette d’entité de cette base ni des annotations de la ligne.</translation>
    </message>
    <message>
        <source>no annotation of the line points to {name}.</source>
        <translation>aucune annotation de la ligne ne renvoie à {name}.</translation>
    </message>
    <message>
        <source>The rejected suggestions were not restored: &quot;rejected&quot; must be a list.</source>
        <translation>Les suggestions refusées n’ont pas été restaurées&#xa0;: «&#xa0;rejected&#xa0;» doit être une liste.</translation>
    </message>
    <message>
        <source>Rejected suggestion {number} was not restored: {reason}</source>
        <translation>La suggestion refusée {number} n’a pas été restaurée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>it is not text.</source>
        <translation>ce n’est pas du texte.</translation>
    </message>
    <message>
        <source>The currency of &quot;$&quot; was not restored: {reason}</source>
        <translation>La devise de «&#xa0;$&#xa0;» n’a pas été restaurée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>its text {text} differs from the article&apos;s {quote} at {start}-{end}.</source>
        <translation>son texte {text} diffère de celui de l’article, {quote}, aux positions {start}-{end}.</translation>
    </message>
    <message>
        <source>unknown status {status}.</source>
        <translation>statut inconnu {status}.</translation>
    </message>
    <message>
        <source>it has no label.</source>
        <translation>elle n’a pas d’étiquette.</translation>
    </message>
    <message>
        <source>its label could not be created ({reason})</source>
        <translation>son étiquette n’a pas pu être créée ({reason})</translation>
    </message>
    <message>
        <source>its &quot;{key}&quot; is not a number.</source>
        <translation>son champ «&#xa0;{key}&#xa0;» n’est pas un nombre.</translation>
    </message>
    <message>
        <source>its &quot;{key}&quot; is too large to be a number Marginalia can store (it reads as infinite or as not a number).</source>
        <translation>son champ «&#xa0;{key}&#xa0;» est trop grand pour être un nombre que Marginalia peut enregistrer (il se lit comme infini ou comme n’étant pas un nombre).</translation>
    </message>
    <message>
        <source>its &quot;{key}&quot; is not text.</source>
        <translation>son champ «&#xa0;{key}&#xa0;» n’est pas du texte.</translation>
    </message>
    <message>
        <source>its &quot;{key}&quot; holds a broken character (a lone UTF-16 surrogate).</source>
        <translation>son champ «&#xa0;{key}&#xa0;» contient un caractère défectueux (une moitié isolée de paire de substitution UTF-16).</translation>
    </message>
    <message>
        <source>its label {label} is longer than {count} characters; the label was not created.</source>
        <translation>son étiquette {label} dépasse {count} caractères&#xa0;; l’étiquette n’a pas été créée.</translation>
    </message>
    <message>
        <source>its label {label} holds a line break or another control character; the label was not created.</source>
        <translation>son étiquette {label} contient un saut de ligne ou un autre caractère de contrôle&#xa0;; l’étiquette n’a pas été créée.</translation>
    </message>
    <message>
        <source>its entity {name} holds a broken character (a lone UTF-16 surrogate).</source>
        <translation>son entité {name} contient un caractère défectueux (une moitié isolée de paire de substitution UTF-16).</translation>
    </message>
    <message>
        <source>its name {name} holds a broken character (a lone UTF-16 surrogate).</source>
        <translation>son nom {name} contient un caractère défectueux (une moitié isolée de paire de substitution UTF-16).</translation>
    </message>
    <message>
        <source>its range {start}-{end} is outside the text (0-{length}).</source>
        <translation>sa plage {start}-{end} sort du texte (0-{length}).</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <comment>a name quoted in a message</comment>
        <translation>«&#xa0;{text}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Integrity</name>
    <message>
        <source>{path}: no problems found (full integrity check).</source>
        <translation>{path}&#xa0;: aucun problème trouvé (vérification d’intégrité complète).</translation>
    </message>
    <message>
        <source>{path}: no problems found (quick check).</source>
        <translation>{path}&#xa0;: aucun problème trouvé (vérification rapide).</translation>
    </message>
    <message>
        <source>There is no database file at {path}.</source>
        <translation>Il n’y a aucun fichier de base de données à l’emplacement {path}.</translation>
    </message>
    <message>
        <source>Cannot check database {path}: {reason}.</source>
        <translation>Impossible de vérifier la base {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>SQLite&apos;s check found {count} problems or more, the first: “{problem}”</source>
        <translation>la vérification de SQLite a trouvé {count} problèmes ou plus, le premier&#xa0;: «&#xa0;{problem}&#xa0;»</translation>
    </message>
    <message>
        <source>SQLite&apos;s check found {count} problem, the first: “{problem}”</source>
        <translation>la vérification de SQLite a trouvé {count} problème, le premier&#xa0;: «&#xa0;{problem}&#xa0;»</translation>
    </message>
    <message>
        <source>SQLite&apos;s check found {count} problems, the first: “{problem}”</source>
        <translation>la vérification de SQLite a trouvé {count} problèmes, le premier&#xa0;: «&#xa0;{problem}&#xa0;»</translation>
    </message>
    <message>
        <source>SQLite said “{problem}” reading it</source>
        <translation>SQLite a signalé «&#xa0;{problem}&#xa0;» en la lisant</translation>
    </message>
    <message>
        <source>The latest backup is {backup}: File ▸ Restore a backup… in the window puts it back (and keeps the damaged file).</source>
        <translation>La sauvegarde la plus récente est {backup}&#xa0;: Fichier ▸ Restaurer une sauvegarde… dans la fenêtre la remet en place (et conserve le fichier endommagé).</translation>
    </message>
    <message>
        <source>No backup of it was found.</source>
        <translation>Aucune sauvegarde n’en a été trouvée.</translation>
    </message>
    <message>
        <source>The database {file} is damaged ({found}). Marginalia will not write to it, and what it reads from it may be incomplete. {advice}</source>
        <translation>La base {file} est endommagée ({found}). Marginalia n’y écrira pas, et ce qu’il y lit peut être incomplet. {advice}</translation>
    </message>
</context>
<context>
    <name>IntegrityWatch</name>
    <message>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
</context>
<context>
    <name>LabelKind</name>
    <message>
        <source>entity</source>
        <translation>entité</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>montant</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>A label needs a name.</source>
        <translation>Une étiquette doit avoir un nom.</translation>
    </message>
    <message>
        <source>A label&apos;s name has at most {count} characters.</source>
        <translation>Le nom d’une étiquette compte au plus {count} caractères.</translation>
    </message>
    <message>
        <source>A label&apos;s name is one line, without control characters.</source>
        <translation>Le nom d’une étiquette tient sur une ligne, sans caractères de contrôle.</translation>
    </message>
    <message>
        <source>A label named {name} already exists.</source>
        <translation>Une étiquette nommée {name} existe déjà.</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the label (only if no annotation uses it)</source>
        <translation>Supprimer l’étiquette (seulement si aucune annotation ne l’utilise)</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>Étiquette sélectionnée</translation>
    </message>
    <message>
        <source>Name, e.g. EVENT</source>
        <translation>Nom, p. ex. ÉVÉNEMENT</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <source>Press {key} in the reader to tag with {label}</source>
        <translation>Appuyez sur {key} dans l’article pour annoter avec {label}</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Pas de touche</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source> (now {label})</source>
        <translation> (actuellement {label})</translation>
    </message>
    <message>
        <source>Rename {label} to {name}</source>
        <translation>Renommer {label} en {name}</translation>
    </message>
    <message>
        <source>Label not renamed</source>
        <translation>Étiquette non renommée</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>Couleur de {label}</translation>
    </message>
    <message>
        <source>Recolour {label}</source>
        <translation>Changer la couleur de {label}</translation>
    </message>
    <message>
        <source>Colour not changed</source>
        <translation>Couleur inchangée</translation>
    </message>
    <message>
        <source>Change the key of {label}</source>
        <translation>Changer la touche de {label}</translation>
    </message>
    <message>
        <source>Key not changed</source>
        <translation>Touche inchangée</translation>
    </message>
    <message>
        <source>Delete label {label}</source>
        <translation>Supprimer l’étiquette {label}</translation>
    </message>
    <message>
        <source>{label} kept</source>
        <translation>{label} conservée</translation>
    </message>
    <message>
        <source>Add label {name}</source>
        <translation>Ajouter l’étiquette {name}</translation>
    </message>
    <message>
        <source>Label not added</source>
        <translation>Étiquette non ajoutée</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>German</source>
        <translation>allemand</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italien</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugais</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>néerlandais</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Lang</source>
        <translation>Lang.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Annot.</translation>
    </message>
    <message>
        <source>Number of annotations in the article</source>
        <translation>Nombre d’annotations dans l’article</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Search articles…</source>
        <translation>Rechercher des articles…</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>Rechercher des articles</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>List every article again</source>
        <translation>Afficher de nouveau tous les articles</translation>
    </message>
    <message>
        <source>Open beside</source>
        <translation>Ouvrir à côté</translation>
    </message>
    <message>
        <source>Edit article…</source>
        <translation>Modifier l’article…</translation>
    </message>
    <message>
        <source>No articles yet</source>
        <translation>Aucun article pour l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} match</source>
        <translation>
            <numerusform>%n sur {total} correspond</numerusform>
            <numerusform>%n sur {total} correspondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Put the cursor in an annotation, then press L (or Edit ▸ Link…).</source>
        <translation>Placez le curseur dans une annotation, puis appuyez sur L (ou Édition ▸ Lier…).</translation>
    </message>
    <message>
        <source>There is no other annotation in this article to link it to.</source>
        <translation>Il n’y a aucune autre annotation dans cet article à laquelle la lier.</translation>
    </message>
    <message>
        <source>The other annotations of this article are not shown in this pane (View ▸ Annotators): there is none to link it to here.</source>
        <translation>Les autres annotations de cet article ne sont pas affichées dans ce volet (Affichage ▸ Annotateurs)&#xa0;: aucune à laquelle la lier ici.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>Link “{quote}” ({label}) to:</source>
        <translation>Lier «&#xa0;{quote}&#xa0;» ({label}) à&#xa0;:</translation>
    </message>
    <message>
        <source>Filter — ↓ to the list, Space to check</source>
        <translation>Filtrer — ↓ vers la liste, Espace pour cocher</translation>
    </message>
    <message>
        <source>Enter links to the checked rows; with none checked, to the row the filter highlights</source>
        <translation>Entrée lie aux lignes cochées&#xa0;; si aucune ne l’est, à la ligne que le filtre met en surbrillance</translation>
    </message>
    <message>
        <source>Annotations to link to</source>
        <translation>Annotations à lier</translation>
    </message>
    <message>
        <source>A kind already used, or type a new one (“supplies”)</source>
        <translation>Un type déjà utilisé, ou saisissez-en un nouveau («&#xa0;fournit&#xa0;»)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Select text and press 1–9 to tag it.</source>
        <translation>Sélectionnez du texte et appuyez sur 1–9 pour l’annoter.</translation>
    </message>
    <message>
        <source>Lin&amp;k…</source>
        <translation>&amp;Lier…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation>&amp;Suggestions</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>Re&amp;chercher dans l’article…</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>Éti&amp;quettes…</translation>
    </message>
    <message>
        <source>Link as &amp;deal</source>
        <translation>Lier en acc&amp;ord</translation>
    </message>
    <message>
        <source>Tag &amp;all occurrences…</source>
        <translation>Annoter &amp;toutes les occurrences…</translation>
    </message>
    <message>
        <source>Search &amp;library</source>
        <translation>Rechercher dans la &amp;bibliothèque</translation>
    </message>
    <message>
        <source>&amp;About Marginalia</source>
        <translation>À &amp;propos de Marginalia</translation>
    </message>
    <message>
        <source>&amp;Plots</source>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <source>Open &amp;beside</source>
        <translation>Ouvrir à &amp;côté</translation>
    </message>
    <message>
        <source>&amp;Close pane</source>
        <translation>&amp;Fermer le volet</translation>
    </message>
    <message>
        <source>S&amp;wap panes</source>
        <translation>&amp;Permuter les volets</translation>
    </message>
    <message>
        <source>Names from the &amp;model</source>
        <translation>Noms du &amp;modèle</translation>
    </message>
    <message>
        <source>Ar&amp;ticle details…</source>
        <translation>&amp;Détails de l’article…</translation>
    </message>
    <message>
        <source>Co&amp;mpare open articles</source>
        <translation>Co&amp;mparer les articles ouverts</translation>
    </message>
    <message>
        <source>The name model&apos;s names are proposed.</source>
        <translation>Les noms trouvés par le modèle sont proposés.</translation>
    </message>
    <message>
        <source>Only the names already tagged are proposed.</source>
        <translation>Seuls les noms déjà annotés sont proposés.</translation>
    </message>
    <message>
        <source>&amp;Entities</source>
        <translation>&amp;Entités</translation>
    </message>
    <message>
        <source>&amp;Deals</source>
        <translation>&amp;Accords</translation>
    </message>
    <message>
        <source>To &amp;review</source>
        <translation>À &amp;revoir</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Open or select an article first.</source>
        <translation>Ouvrez ou sélectionnez d’abord un article.</translation>
    </message>
    <message>
        <source>A team database is backed up on its server (pg_dump, by its administrator): Marginalia backs up and restores only a database file on this computer.</source>
        <translation>Une base d’équipe est sauvegardée sur son serveur (pg_dump, par son administrateur)&#xa0;: Marginalia ne sauvegarde et ne restaure qu’un fichier de base sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Aucune base de données n’est ouverte.</translation>
    </message>
    <message>
        <source>Wait until the import, export or long change now running is done.</source>
        <translation>Attendez la fin de l’import, de l’export ou de la longue modification en cours.</translation>
    </message>
    <message>
        <source>Restored {backup}.</source>
        <translation>{backup} restauré.</translation>
    </message>
    <message>
        <source>Restored {backup}. The database it replaced is kept as {kept} in the backups folder: restore that one to undo.</source>
        <translation>{backup} restauré. La base qu’il a remplacée est conservée sous le nom {kept} dans le dossier des sauvegardes&#xa0;: restaurez-la pour revenir en arrière.</translation>
    </message>
    <message>
        <source>No articles yet. Use File ▸ Import files… or drop files on this window.</source>
        <translation>Aucun article pour l’instant. Utilisez Fichier ▸ Importer des fichiers… ou déposez des fichiers sur cette fenêtre.</translation>
    </message>
    <message>
        <source>Choose an article in the library, then View ▸ Open beside (or Alt+click it).</source>
        <translation>Choisissez un article dans la bibliothèque, puis Affichage ▸ Ouvrir à côté (ou Alt+clic dessus).</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>{title} — read only</source>
        <translation>{title} — lecture seule</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <source>&amp;Undo {operation}</source>
        <translation>&amp;Annuler&#xa0;: {operation}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo {operation}</source>
        <translation>&amp;Rétablir&#xa0;: {operation}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>The change could not be saved: {error}</source>
        <translation>La modification n’a pas pu être enregistrée&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Please wait: a long change is still being saved.</source>
        <translation>Veuillez patienter&#xa0;: une longue modification est encore en cours d’enregistrement.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>An article has no detail called “{name}”.</source>
        <translation>Un article n’a pas de détail nommé «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>The title cannot be empty.</source>
        <translation>Le titre ne peut pas être vide.</translation>
    </message>
    <message>
        <source>“{text}” is not a date: write it as YYYY-MM-DD (for example 2024-03-15), or leave it empty if the date is unknown.</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une date&#xa0;: écrivez-la au format AAAA-MM-JJ (par exemple 2024-03-15), ou laissez-la vide si la date est inconnue.</translation>
    </message>
    <message>
        <source>“{value}” is not a language code: use a short code such as fr or en, or leave it empty if the language is unknown.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un code de langue&#xa0;: utilisez un code court comme fr ou en, ou laissez vide si la langue est inconnue.</translation>
    </message>
    <message>
        <source>“{value}” is not a currency code: use an ISO 4217 code such as USD, CAD or EUR, or the default for the source.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un code de devise&#xa0;: utilisez un code ISO 4217 comme USD, CAD ou EUR, ou la valeur par défaut de la source.</translation>
    </message>
    <message>
        <source>Edit article details</source>
        <translation>Modifier les détails de l’article</translation>
    </message>
    <message>
        <source>This article no longer exists.</source>
        <translation>Cet article n’existe plus.</translation>
    </message>
    <message>
        <source>Confirm deal</source>
        <translation>Confirmer l’accord</translation>
    </message>
    <message>
        <source>A deal is confirmed over at least two reports.</source>
        <translation>Un accord se confirme sur au moins deux sources.</translation>
    </message>
    <message>
        <source>Split deal</source>
        <translation>Scinder l’accord</translation>
    </message>
    <message>
        <source>Say which reports to split.</source>
        <translation>Indiquez les sources à scinder.</translation>
    </message>
    <message>
        <source>Leave out of deal</source>
        <translation>Retirer de l’accord</translation>
    </message>
    <message>
        <source>A report can be left out only of a group of two or more.</source>
        <translation>Une source ne peut être retirée que d’un groupe de deux sources ou plus.</translation>
    </message>
    <message>
        <source>This entity no longer exists.</source>
        <translation>Cette entité n’existe plus.</translation>
    </message>
    <message>
        <source>An entity needs a name.</source>
        <translation>Une entité doit avoir un nom.</translation>
    </message>
    <message>
        <source>“{name}” is already an entity: merge them instead.</source>
        <translation>«&#xa0;{name}&#xa0;» est déjà une entité&#xa0;: fusionnez-les plutôt.</translation>
    </message>
    <message>
        <source>“{name}” is already a name of “{entity}”: merge them instead.</source>
        <translation>«&#xa0;{name}&#xa0;» est déjà un nom de «&#xa0;{entity}&#xa0;»&#xa0;: fusionnez-les plutôt.</translation>
    </message>
    <message>
        <source>Rename entity</source>
        <translation>Renommer l’entité</translation>
    </message>
    <message>
        <source>The entity is already called “{name}”.</source>
        <translation>L’entité s’appelle déjà «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>Merge entities</source>
        <translation>Fusionner des entités</translation>
    </message>
    <message>
        <source>Choose at least one other entity to merge into this one.</source>
        <translation>Choisissez au moins une autre entité à fusionner dans celle-ci.</translation>
    </message>
    <message>
        <source>An entity to merge no longer exists.</source>
        <translation>Une entité à fusionner n’existe plus.</translation>
    </message>
    <message>
        <source>Only entities of the same label can be merged: “{name}” is {label}, “{target}” is {target_label}.</source>
        <translation>Seules des entités de la même étiquette peuvent être fusionnées&#xa0;: «&#xa0;{name}&#xa0;» est {label}, «&#xa0;{target}&#xa0;» est {target_label}.</translation>
    </message>
    <message>
        <source>Split alias off</source>
        <translation>Séparer un alias</translation>
    </message>
    <message>
        <source>“{alias}” is not a name of “{entity}”.</source>
        <translation>«&#xa0;{alias}&#xa0;» n’est pas un nom de «&#xa0;{entity}&#xa0;».</translation>
    </message>
    <message>
        <source>“{alias}” only differs from “{entity}” by case or accents: it cannot be an entity of its own.</source>
        <translation>«&#xa0;{alias}&#xa0;» ne diffère de «&#xa0;{entity}&#xa0;» que par la casse ou les accents&#xa0;: ce ne peut pas être une entité à part entière.</translation>
    </message>
    <message>
        <source>Delete entity</source>
        <translation>Supprimer l’entité</translation>
    </message>
    <message>
        <source>Someone else changed these annotations meanwhile; nothing was saved.</source>
        <translation>Quelqu’un d’autre a modifié ces annotations entre-temps&#xa0;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Annoter</translation>
    </message>
    <message>
        <source>Tagging was cancelled; nothing was tagged.</source>
        <translation>Annotation annulée&#xa0;; rien n’a été annoté.</translation>
    </message>
    <message>
        <source>Tagged {count} mentions…</source>
        <translation>{count} mentions annotées…</translation>
    </message>
    <message>
        <source>Remove annotation</source>
        <translation>Supprimer l’annotation</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>Modifier l’annotation</translation>
    </message>
    <message>
        <source>Link annotations</source>
        <translation>Lier des annotations</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>Refuser la suggestion</translation>
    </message>
    <message>
        <source>Set currency</source>
        <translation>Définir la devise</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>The label is in use now; it was kept.</source>
        <translation>L’étiquette est désormais utilisée&#xa0;; elle a été conservée.</translation>
    </message>
    <message>
        <source>Edit label</source>
        <translation>Modifier l’étiquette</translation>
    </message>
    <message>
        <source>This label no longer exists.</source>
        <translation>Cette étiquette n’existe plus.</translation>
    </message>
    <message>
        <source>{label} is used by {count} annotation(s): its kind cannot change.</source>
        <translation>{label} est utilisée par {count} annotation(s)&#xa0;: son type ne peut pas changer.</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Supprimer l’étiquette</translation>
    </message>
    <message>
        <source>This label is used by {count} annotation(s); it was kept.</source>
        <translation>Cette étiquette est utilisée par {count} annotation(s)&#xa0;; elle a été conservée.</translation>
    </message>
    <message>
        <source>Re-import changed article</source>
        <translation>Réimporter l’article modifié</translation>
    </message>
    <message>
        <source>Re-import {count} changed articles</source>
        <translation>Réimporter {count} articles modifiés</translation>
    </message>
    <message>
        <source>Accept the place of an annotation</source>
        <translation>Accepter l’emplacement d’une annotation</translation>
    </message>
    <message>
        <source>This annotation is no longer waiting for review.</source>
        <translation>Cette annotation n’attend plus de revue.</translation>
    </message>
    <message>
        <source>No place was found for “{quote}”: remove it, or tag the words again by hand.</source>
        <translation>Aucun emplacement n’a été trouvé pour «&#xa0;{quote}&#xa0;»&#xa0;: supprimez-la, ou annotez de nouveau les mots à la main.</translation>
    </message>
    <message>
        <source>Its article no longer exists.</source>
        <translation>Son article n’existe plus.</translation>
    </message>
    <message>
        <source>The place offered is no longer in the text.</source>
        <translation>L’emplacement proposé n’est plus dans le texte.</translation>
    </message>
    <message>
        <source>Remove an annotation under review</source>
        <translation>Supprimer une annotation en revue</translation>
    </message>
    <message>
        <source>This article was changed since it was re-imported (its text or its annotations): undo those changes first.</source>
        <translation>Cet article a été modifié depuis sa réimportation (son texte ou ses annotations)&#xa0;: annulez d’abord ces modifications.</translation>
    </message>
    <message>
        <source>An annotation made since took the id of one this step puts back: undo it first.</source>
        <translation>Une annotation créée depuis a pris l’identifiant d’une annotation que cette étape rétablit&#xa0;: annulez-la d’abord.</translation>
    </message>
    <message>
        <source>The label of “{quote}” was deleted: remove it instead.</source>
        <translation>L’étiquette de «&#xa0;{quote}&#xa0;» a été supprimée&#xa0;: supprimez plutôt l’annotation.</translation>
    </message>
</context>
<context>
    <name>PlotNumbers</name>
    <message>
        <source>tn</source>
        <translation>Bn</translation>
    </message>
    <message>
        <source>bn</source>
        <translation>Md</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>No amounts in {currency}</source>
        <translation>Aucun montant en {currency}</translation>
    </message>
    <message>
        <source>No amounts</source>
        <translation>Aucun montant</translation>
    </message>
    <message>
        <source>{count} amount</source>
        <translation>{count} montant</translation>
    </message>
    <message>
        <source>{count} amounts</source>
        <translation>{count} montants</translation>
    </message>
    <message>
        <source>{count} range</source>
        <translation>{count} fourchette</translation>
    </message>
    <message>
        <source>{count} ranges</source>
        <translation>{count} fourchettes</translation>
    </message>
    <message>
        <source>{count} approximate (≈)</source>
        <translation>{count} approximatif(s) (≈)</translation>
    </message>
    <message>
        <source>no currency</source>
        <translation>sans devise</translation>
    </message>
    <message>
        <source>{kind} label</source>
        <translation>étiquette de type {kind}</translation>
    </message>
    <message>
        <source>{count} annotation</source>
        <translation>{count} annotation</translation>
    </message>
    <message>
        <source>{count} annotations</source>
        <translation>{count} annotations</translation>
    </message>
    <message>
        <source>Attributed: {rule}</source>
        <translation>Attribution&#xa0;: {rule}</translation>
    </message>
    <message>
        <source>{count} mention</source>
        <translation>{count} mention</translation>
    </message>
    <message>
        <source>{count} mentions</source>
        <translation>{count} mentions</translation>
    </message>
</context>
<context>
    <name>PlotsDock</name>
    <message>
        <source>Top entities</source>
        <translation>Entités en tête</translation>
    </message>
    <message>
        <source>Money per entity</source>
        <translation>Montants par entité</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Current article</source>
        <translation>Article courant</translation>
    </message>
    <message>
        <source>Selected articles</source>
        <translation>Articles sélectionnés</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Résultat de la recherche</translation>
    </message>
    <message>
        <source>Whole corpus</source>
        <translation>Tout le corpus</translation>
    </message>
    <message>
        <source>Click a bar to list its articles; double-click to open the first mention.</source>
        <translation>Clic sur une barre&#xa0;: ses articles&#xa0;; double-clic&#xa0;: sa première mention.</translation>
    </message>
    <message>
        <source>Plots need pyqtgraph, which Marginalia requires but cannot import: this installation is broken. Reinstall Marginalia (pip install --force-reinstall marginalia) and restart it.</source>
        <translation>Les graphiques nécessitent pyqtgraph, que Marginalia requiert mais ne parvient pas à importer&#xa0;: cette installation est défectueuse. Réinstallez Marginalia (pip install --force-reinstall marginalia) et relancez-le.</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Which articles the plots count</source>
        <translation>Les articles que comptent les graphiques</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Amounts in different currencies are never added up</source>
        <translation>Les montants de devises différentes ne sont jamais additionnés</translation>
    </message>
    <message>
        <source>Amounts count for</source>
        <translation>Les montants comptent pour</translation>
    </message>
    <message>
        <source>Linked by relations: an amount counts for the entities a relation links it to.
Same sentence: it counts for the entities named in its sentence.</source>
        <translation>Liés par des relations&#xa0;: un montant compte pour les entités auxquelles une relation le lie.
Même phrase&#xa0;: il compte pour les entités citées dans sa phrase.</translation>
    </message>
    <message>
        <source>Save plot as &amp;PNG…</source>
        <translation>Enregistrer le graphique en &amp;PNG…</translation>
    </message>
    <message>
        <source>Save data as &amp;CSV…</source>
        <translation>Enregistrer les données en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>&amp;Compter</translation>
    </message>
    <message>
        <source>Open an article to see its figures, or choose another scope.</source>
        <translation>Ouvrez un article pour voir ses chiffres, ou choisissez une autre portée.</translation>
    </message>
    <message>
        <source>current article</source>
        <translation>article courant</translation>
    </message>
    <message>
        <source>Select articles in the library to see their figures.</source>
        <translation>Sélectionnez des articles dans la bibliothèque pour voir leurs chiffres.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected article(s)</source>
        <translation>
            <numerusform>%n article sélectionné</numerusform>
            <numerusform>%n articles sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>search result (every article)</source>
        <translation>résultat de la recherche (tous les articles)</translation>
    </message>
    <message>
        <source>The library lists no article: change the search to see figures.</source>
        <translation>La bibliothèque ne liste aucun article&#xa0;: modifiez la recherche pour voir des chiffres.</translation>
    </message>
    <message numerus="yes">
        <source>search result (%n article(s))</source>
        <translation>
            <numerusform>résultat de la recherche (%n article)</numerusform>
            <numerusform>résultat de la recherche (%n articles)</numerusform>
        </translation>
    </message>
    <message>
        <source>whole corpus</source>
        <translation>tout le corpus</translation>
    </message>
    <message>
        <source>The figures could not be computed: {reason}</source>
        <translation>Les chiffres n’ont pas pu être calculés&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Nothing to show here yet.</source>
        <translation>Rien à afficher ici pour l’instant.</translation>
    </message>
    <message>
        <source>Use “{rule}”</source>
        <translation>Utiliser «&#xa0;{rule}&#xa0;»</translation>
    </message>
    <message>
        <source>Amounts in {currency} per month</source>
        <translation>Montants en {currency} par mois</translation>
    </message>
    <message>
        <source>No amounts tagged</source>
        <translation>Aucun montant annoté</translation>
    </message>
    <message>
        <source>The articles behind the bar could not be listed: {reason}</source>
        <translation>Les articles de cette barre n’ont pas pu être listés&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Filtered to “{name}”</source>
        <translation>Filtré sur «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>Save plot as PNG</source>
        <translation>Enregistrer le graphique en PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Save plot data as CSV</source>
        <translation>Enregistrer les données du graphique en CSV</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source> pt</source>
        <translation>&#xa0;pt</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Stored with each annotation you make</source>
        <translation>Enregistré avec chaque annotation que vous faites</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Takes effect the next time Marginalia starts.</source>
        <translation>Prend effet au prochain démarrage de Marginalia.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>Reading &amp;font:</source>
        <translation>&amp;Police de lecture&#xa0;:</translation>
    </message>
    <message>
        <source>Font si&amp;ze:</source>
        <translation>Ta&amp;ille de la police&#xa0;:</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>Nom de l’&amp;auteur&#xa0;:</translation>
    </message>
    <message>
        <source>Default c&amp;urrency:</source>
        <translation>&amp;Devise par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Money whose text names no currency (“a turnover of 3.4 bn”) is counted in it, unless the article or its source says which.</source>
        <translation>Les montants dont le texte ne nomme aucune devise («&#xa0;un chiffre d’affaires de 3,4 Md&#xa0;») sont comptés dans celle-ci, sauf si l’article ou sa source en indique une.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>Dossier des do&amp;nnées&#xa0;:</translation>
    </message>
    <message>
        <source>Where the database is kept. A new folder is used the next time Marginalia starts; the database open now stays where it is.</source>
        <translation>L’endroit où la base de données est conservée. Un nouveau dossier est utilisé au prochain démarrage de Marginalia&#xa0;; la base ouverte actuellement reste où elle est.</translation>
    </message>
    <message>
        <source>Tea&amp;m database:</source>
        <translation>Base de l’é&amp;quipe&#xa0;:</translation>
    </message>
    <message>
        <source>A PostgreSQL database shared with your team, used instead of the data folder from the next start. Leave the password out: PostgreSQL reads it from ~/.pgpass. Empty: this computer&apos;s file.</source>
        <translation>Une base PostgreSQL partagée avec votre équipe, utilisée à la place du dossier des données dès le prochain démarrage. N’y mettez pas le mot de passe&#xa0;: PostgreSQL le lit dans ~/.pgpass. Vide&#xa0;: le fichier de cet ordinateur.</translation>
    </message>
    <message>
        <source>Choose the data folder by its full path, e.g. {0}.</source>
        <translation>Choisissez le dossier des données par son chemin complet, p. ex. {0}.</translation>
    </message>
    <message>
        <source>“{0}” is a file, not a folder.</source>
        <translation>«&#xa0;{0}&#xa0;» est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <source>“{0}” is not a database address. Write it as {1}.</source>
        <translation>«&#xa0;{0}&#xa0;» n’est pas l’adresse d’une base. Écrivez-la ainsi&#xa0;: {1}.</translation>
    </message>
    <message>
        <source>Leave the password out of the address: it would be stored in plain text. PostgreSQL reads it from ~/.pgpass (or $PGPASSWORD).</source>
        <translation>Retirez le mot de passe de l’adresse&#xa0;: il serait enregistré en clair. PostgreSQL le lit dans ~/.pgpass (ou $PGPASSWORD).</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>The new data folder will be used the next time Marginalia starts.</source>
        <translation>Le nouveau dossier de données servira au prochain démarrage de Marginalia.</translation>
    </message>
    <message>
        <source>The team database will be used the next time Marginalia starts.</source>
        <translation>La base de l’équipe sera utilisée au prochain démarrage de Marginalia.</translation>
    </message>
    <message>
        <source>This computer&apos;s database will be used the next time Marginalia starts.</source>
        <translation>La base de cet ordinateur sera utilisée au prochain démarrage de Marginalia.</translation>
    </message>
    <message>
        <source>The new language will be used the next time Marginalia starts.</source>
        <translation>La nouvelle langue servira au prochain démarrage de Marginalia.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>a few seconds left</source>
        <translation>encore quelques secondes</translation>
    </message>
    <message>
        <source>about {seconds} s left</source>
        <translation>encore {seconds}&#xa0;s environ</translation>
    </message>
    <message>
        <source>about {minutes} min left</source>
        <translation>encore {minutes}&#xa0;min environ</translation>
    </message>
    <message>
        <source>about {hours} h left</source>
        <translation>encore {hours}&#xa0;h environ</translation>
    </message>
</context>
<context>
    <name>ReaderController</name>
    <message>
        <source>linked to {names}</source>
        <translation>liée à {names}</translation>
    </message>
    <message>
        <source>{view}: {shown} of {total} shown</source>
        <translation>{view}&#xa0;: {shown} sur {total} affichées</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <source>Article text</source>
        <translation>Texte de l’article</translation>
    </message>
    <message>
        <source>Select an article in the library</source>
        <translation>Sélectionnez un article dans la bibliothèque</translation>
    </message>
    <message>
        <source>Tag as</source>
        <translation>Annoter comme</translation>
    </message>
    <message>
        <source>Remove annotation</source>
        <translation>Supprimer l’annotation</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n annotation(s)</source>
        <translation>
            <numerusform>Supprimer %n annotation</numerusform>
            <numerusform>Supprimer %n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Lier…</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>Tout afficher</translation>
    </message>
</context>
<context>
    <name>RelationKind</name>
    <message>
        <source>deal</source>
        <translation>accord</translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message>
        <source>Nothing to review. When a changed version of an article is imported, the annotations whose words are not found for sure in it are listed here.</source>
        <translation>Rien à revoir. Quand une version modifiée d’un article est importée, les annotations dont les mots n’y sont pas retrouvés avec certitude sont listées ici.</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À revoir</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Put the annotation at the place offered (Enter)</source>
        <translation>Placer l’annotation à l’emplacement proposé (Entrée)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the annotation (Delete)</source>
        <translation>Supprimer l’annotation (Suppr)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Leave it for later and go to the next one (Space)</source>
        <translation>La garder pour plus tard et passer à la suivante (Espace)</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) to review · Enter accepts the place · Delete removes · Space skips</source>
        <translation>
            <numerusform>%n annotation à revoir · Entrée accepte l’emplacement · Suppr supprime · Espace passe</numerusform>
            <numerusform>%n annotations à revoir · Entrée accepte l’emplacement · Suppr supprime · Espace passe</numerusform>
        </translation>
    </message>
    <message>
        <source>No place was found for “{quote}”: remove it (Delete), or tag the words again by hand.</source>
        <translation>Aucun emplacement n’a été trouvé pour «&#xa0;{quote}&#xa0;»&#xa0;: supprimez-la (Suppr), ou annotez de nouveau les mots à la main.</translation>
    </message>
    <message>
        <source>Accept the new place of “{quote}”</source>
        <translation>Accepter le nouvel emplacement de «&#xa0;{quote}&#xa0;»</translation>
    </message>
    <message>
        <source>Remove “{quote}” under review</source>
        <translation>Supprimer «&#xa0;{quote}&#xa0;» en revue</translation>
    </message>
    <message>
        <source>No place was found for “{quote}” in the new text.</source>
        <translation>Aucun emplacement n’a été trouvé pour «&#xa0;{quote}&#xa0;» dans le nouveau texte.</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Best place now</source>
        <translation>Meilleur emplacement</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>The article that was re-imported</source>
        <translation>L’article qui a été réimporté</translation>
    </message>
    <message>
        <source>The annotation&apos;s label and words</source>
        <translation>L’étiquette et les mots de l’annotation</translation>
    </message>
    <message>
        <source>The words as they were, with the text around them</source>
        <translation>Les mots tels qu’ils étaient, avec le texte autour</translation>
    </message>
    <message>
        <source>The best place found in the new text, with the text around it</source>
        <translation>Le meilleur emplacement trouvé dans le nouveau texte, avec le texte autour</translation>
    </message>
    <message>
        <source>How sure that place is the annotation&apos;s own text</source>
        <translation>La certitude que cet emplacement est bien le texte de l’annotation</translation>
    </message>
    <message>
        <source>How the place was found</source>
        <translation>Comment l’emplacement a été trouvé</translation>
    </message>
    <message>
        <source>— none found —</source>
        <translation>— aucun trouvé —</translation>
    </message>
    <message>
        <source>Enter puts the annotation here</source>
        <translation>Entrée place l’annotation ici</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>From Wikinews, the free news source (https://www.wikinews.org). Licensed CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/). Converted to plain text.</source>
        <translation>D’après Wikinews, la source d’information libre (https://www.wikinews.org). Sous licence CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/). Converti en texte brut.</translation>
    </message>
    <message>
        <source>Wikipedia contributors, English Wikipedia, CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/). Markup removed.</source>
        <translation>Contributeurs de Wikipédia, Wikipédia en anglais, CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/). Balisage supprimé.</translation>
    </message>
    <message>
        <source>Source: The White House, Office of the Press Secretary (public domain).</source>
        <translation>Source&#xa0;: la Maison-Blanche, bureau du porte-parole (domaine public).</translation>
    </message>
</context>
<context>
    <name>SuggestionController</name>
    <message>
        <source>No suggestions in this article.</source>
        <translation>Aucune suggestion dans cet article.</translation>
    </message>
    <message>
        <source>Suggestion {number} of {count}: {suggestion} — A accept, R reject, N next</source>
        <translation>Suggestion {number} sur {count}&#xa0;: {suggestion} — A accepter, R refuser, N suivante</translation>
    </message>
    <message>
        <source>Go to a suggestion first (N).</source>
        <translation>Allez d’abord à une suggestion (N).</translation>
    </message>
    <message>
        <source>{count} suggestions: the first {shown} are shown; answer some to see more.</source>
        <translation>{count} suggestions&#xa0;: les {shown} premières sont affichées&#xa0;; répondez à certaines pour en voir d’autres.</translation>
    </message>
    <message>
        <source>Suggested: {suggestion}
A to accept, R to reject</source>
        <translation>Suggestion&#xa0;: {suggestion}
A pour accepter, R pour refuser</translation>
    </message>
    <message>
        <source>{name} (found by the name model)</source>
        <translation>{name} (trouvé par le modèle de noms)</translation>
    </message>
    <message>
        <source>&amp;Accept {suggestion}</source>
        <translation>&amp;Accepter {suggestion}</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Refuser</translation>
    </message>
    <message>
        <source>Accept a&amp;ll {label} suggestions</source>
        <translation>Accepter &amp;toutes les suggestions {label}</translation>
    </message>
    <message>
        <source>Currency of “$”</source>
        <translation>Devise de «&#xa0;$&#xa0;»</translation>
    </message>
    <message>
        <source>In this article, a bare “$” or “dollars” means:</source>
        <translation>Dans cet article, un «&#xa0;$&#xa0;» ou des «&#xa0;dollars&#xa0;» sans précision désignent&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Next suggestion</source>
        <translation>Suggestion &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous suggestion</source>
        <translation>Suggestion &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>&amp;Accepter la suggestion</translation>
    </message>
    <message>
        <source>&amp;Reject suggestion</source>
        <translation>&amp;Refuser la suggestion</translation>
    </message>
    <message>
        <source>Accept all of this &amp;label</source>
        <translation>&amp;Tout accepter pour cette étiquette</translation>
    </message>
    <message>
        <source>&amp;Show suggestions</source>
        <translation>Affic&amp;her les suggestions</translation>
    </message>
    <message>
        <source>&amp;Currency of “$” in this article…</source>
        <translation>&amp;Devise de «&#xa0;$&#xa0;» dans cet article…</translation>
    </message>
</context>
<context>
    <name>TagAllDialog</name>
    <message>
        <source>Looking for mentions…</source>
        <translation>Recherche des mentions…</translation>
    </message>
    <message>
        <source>Tag all occurrences</source>
        <translation>Annoter toutes les occurrences</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>Cet article</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Tous les articles</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>É&amp;tiquette</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>{searching} {percent}%</source>
        <translation>{searching} {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>The mentions could not be looked for: {reason}</source>
        <translation>Les mentions n’ont pas pu être recherchées&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n untagged mention(s) in this article.</source>
        <translation>
            <numerusform>%n mention non annotée dans cet article.</numerusform>
            <numerusform>%n mentions non annotées dans cet article.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n untagged mention(s) in {articles}.</source>
        <translation>
            <numerusform>%n mention non annotée dans {articles}.</numerusform>
            <numerusform>%n mentions non annotées dans {articles}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>No untagged mention of this name.</source>
        <translation>Aucune mention non annotée de ce nom.</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n</source>
        <translation>
            <numerusform>Annoter %n</numerusform>
            <numerusform>Annoter %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Annoter</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Another import, export or long change is still running.</source>
        <translation>Un autre import, export ou une longue modification est encore en cours.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>Mentions per month</source>
        <translation>Mentions par mois</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>Select a name</source>
        <translation>Sélectionnez un nom</translation>
    </message>
    <message>
        <source>This is one of the demo articles. Select the name of a company, a person or a place in it: drag over it with the mouse, or press {find}, type the name and press &lt;b&gt;Return&lt;/b&gt;. &lt;b&gt;Esc&lt;/b&gt; then closes the find bar and leaves the name selected.</source>
        <translation>Voici l’un des articles de démonstration. Sélectionnez-y le nom d’une entreprise, d’une personne ou d’un lieu&#xa0;: faites glisser la souris dessus, ou appuyez sur {find}, saisissez le nom et appuyez sur &lt;b&gt;Entrée&lt;/b&gt;. &lt;b&gt;Échap&lt;/b&gt; ferme ensuite la barre de recherche en laissant le nom sélectionné.</translation>
    </message>
    <message>
        <source>Tag it with one key</source>
        <translation>Annotez-le d’une seule touche</translation>
    </message>
    <message>
        <source>Press the digit of a label to tag the selection:</source>
        <translation>Appuyez sur le chiffre d’une étiquette pour annoter la sélection&#xa0;:</translation>
    </message>
    <message>
        <source>The right-click menu offers the same labels. {delete} removes a tag, {undo} undoes.</source>
        <translation>Le menu du clic droit propose les mêmes étiquettes. {delete} supprime une annotation, {undo} annule.</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Amounts and names the app finds by itself are underlined with dashes in the text. There, {next} goes to the next one, {accept} accepts it with its value, {reject} rejects it. The {menu} menu lists them all.</source>
        <translation>Les montants et les noms que l’application trouve d’elle-même sont soulignés en tirets dans le texte. Là, {next} passe au suivant, {accept} l’accepte avec sa valeur, {reject} le refuse. Le menu {menu} les liste tous.</translation>
    </message>
    <message>
        <source>The annotation panel</source>
        <translation>Le panneau des annotations</translation>
    </message>
    <message>
        <source>Every tag of the article is listed here. Choose one to change its label or its entity, correct its value or add a note; &lt;b&gt;Return&lt;/b&gt; shows it in the text.</source>
        <translation>Toutes les annotations de l’article sont listées ici. Choisissez-en une pour changer son étiquette ou son entité, corriger sa valeur ou ajouter une note&#xa0;; &lt;b&gt;Entrée&lt;/b&gt; la montre dans le texte.</translation>
    </message>
    <message>
        <source>The library</source>
        <translation>La bibliothèque</translation>
    </message>
    <message>
        <source>Your articles, the demo ones among them. {search} searches them; &lt;b&gt;Return&lt;/b&gt; opens the chosen one here, {beside} opens it beside this one, to compare how two articles tell the story.</source>
        <translation>Vos articles, dont ceux de démonstration. {search} y recherche&#xa0;; &lt;b&gt;Entrée&lt;/b&gt; ouvre ici celui choisi, {beside} l’ouvre à côté de celui-ci, pour comparer comment deux articles racontent l’histoire.</translation>
    </message>
    <message>
        <source>Every key, at any time</source>
        <translation>Tous les raccourcis, à tout moment</translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard: press {help} for the list of every key.</source>
        <translation>Tout peut se faire au clavier&#xa0;: appuyez sur {help} pour la liste de tous les raccourcis.</translation>
    </message>
    <message>
        <source>{menu} shows this tour again.</source>
        <translation>{menu} relance cette visite.</translation>
    </message>
</context>
<context>
    <name>TourCallout</name>
    <message>
        <source>Tour</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>Étape {0} sur {1}</translation>
    </message>
    <message>
        <source>S&amp;kip tour</source>
        <translation>&amp;Passer la visite</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminé</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Importing articles…</source>
        <translation>Import des articles…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l’import</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Export cancelled; {path} was not written.</source>
        <translation>Export annulé&#xa0;; {path} n’a pas été écrit.</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>Importer un dossier d’articles</translation>
    </message>
    <message>
        <source>Articles ({patterns})</source>
        <translation>Articles ({patterns})</translation>
    </message>
    <message>
        <source>Web pages saved from a browser ({patterns})</source>
        <translation>Pages web enregistrées depuis un navigateur ({patterns})</translation>
    </message>
    <message>
        <source>All files ({patterns})</source>
        <translation>Tous les fichiers ({patterns})</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Exporter les annotations</translation>
    </message>
    <message>
        <source>Some annotations were not exported</source>
        <translation>Certaines annotations n’ont pas été exportées</translation>
    </message>
    <message>
        <source>The format cannot carry these annotations as they are; they were left out, not moved:</source>
        <translation>Le format ne peut pas contenir ces annotations telles quelles&#xa0;; elles ont été laissées de côté, pas déplacées&#xa0;:</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Certains fichiers n’ont pas été importés</translation>
    </message>
    <message>
        <source>Import notes</source>
        <translation>Remarques sur l’import</translation>
    </message>
    <message>
        <source>… and {count} more (Show Details… lists them all).</source>
        <translation>… et {count} de plus (Afficher les détails… les liste tous).</translation>
    </message>
    <message>
        <source>{file} (line {line}): {reason}</source>
        <translation>{file} (ligne {line})&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Upgrades</name>
    <message>
        <source>Linked {count} tagged mention to the entities its text names, so every mention counts in the figures.</source>
        <translation>{count} mention annotée a été liée aux entités que son texte nomme, pour que chaque mention compte dans les chiffres.</translation>
    </message>
    <message>
        <source>Linked {count} tagged mentions to the entities their text names, so every mention counts in the figures.</source>
        <translation>{count} mentions annotées ont été liées aux entités que leur texte nomme, pour que chaque mention compte dans les chiffres.</translation>
    </message>
</context>
</TS>
