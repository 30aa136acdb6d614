<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllHighlights</name>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="49" />
        <source>(not in this library)</source>
        <translation>（不在此资料库中）</translation>
    </message>
</context>
<context>
    <name>AllHighlightsDialog</name>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="134" />
        <source>All Highlights</source>
        <translation>全部高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="152" />
        <source>Search: words, "a phrase", tag:, color:, note:…</source>
        <translation>搜索：词语、"短语"、tag:、color:、note:…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="155" />
        <source>The library's search language: words in the highlight or its note, "phrases", OR, -not, tag:, color:, note:, has:note, is:orphaned, and title:, source:, date: of its article.</source>
        <translation>与文库搜索相同的语法：高亮或其笔记中的词语、"短语"、OR、-排除、tag:、color:、note:、has:note、is:orphaned，以及所属文章的 title:、source:、date:。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="160" />
        <source>Filter highlights</source>
        <translation>筛选高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="163" />
        <source>Filter by colour</source>
        <translation>按颜色筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="164" />
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="168" />
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="191" />
        <source>All highlights</source>
        <translation>全部高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="215" />
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="234" />
        <source>{n} highlights</source>
        <translation>{n} 条高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="246" />
        <source>This highlight is on “{title}”, which is not in this library. Open the library that holds it (File ▸ Open Library Folder…) to go to it.</source>
        <translation>此高亮位于“{title}”，该文章不在此资料库中。请打开包含它的资料库（文件 ▸ 打开资料库文件夹…）后再前往。</translation>
    </message>
</context>
<context>
    <name>AllHighlightsModel</name>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="69" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="70" />
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="71" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="72" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="73" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/all_highlights.py" line="74" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="256" />
        <source>&lt;b&gt;Article&lt;/b&gt;</source>
        <translation>&lt;b&gt;文章&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="259" />
        <source>Article tags</source>
        <translation>文章标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="263" />
        <source>&amp;Read</source>
        <translation>已读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="265" />
        <source>&amp;Starred</source>
        <translation>星标(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="276" />
        <source>&lt;b&gt;Highlights&lt;/b&gt;</source>
        <translation>&lt;b&gt;高亮&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="278" />
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="279" />
        <source>Filter highlights</source>
        <translation>筛选高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="285" />
        <source>Filter by colour</source>
        <translation>按颜色筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="286" />
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="290" />
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="314" />
        <source>Highlights in this article</source>
        <translation>本文的高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="335" />
        <source>Orphaned highlights</source>
        <translation>孤立高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="339" />
        <source>Re-attach to &amp;selection</source>
        <translation>关联到所选内容(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="341" />
        <source>Select the passage in the text where this highlight belongs, then click here</source>
        <translation>在正文中选中这条高亮所属的段落，然后点击这里</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="365" />
        <source>Colour {name}</source>
        <translation>颜色：{name}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="372" />
        <source>Delete highlight (Del)</source>
        <translation>删除高亮（Del）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="373" />
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="378" />
        <source>Note (Markdown)…</source>
        <translation>笔记（Markdown）…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="379" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="385" />
        <source>Highlight tags</source>
        <translation>高亮标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="413" />
        <source>Showing the first {shown:,} of {n:,} highlights.</source>
        <translation>仅显示前 {shown:,} 条高亮（共 {n:,} 条）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="420" />
        <source>&lt;b&gt;Orphaned&lt;/b&gt; (text no longer found): {n}</source>
        <translation>&lt;b&gt;孤立高亮&lt;/b&gt;（原文已找不到）：{n}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="444" />
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
</context>
<context>
    <name>ArticleDetailsDialog</name>
    <message>
        <location filename="../../reader/ui/article_details.py" line="42" />
        <source>Article Details</source>
        <translation>文章信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="47" />
        <source>Correct what the cleaner got wrong. Your values are kept with your annotations (the saved file is not changed); ↺ brings back the cleaner's.</source>
        <translation>更正清理器弄错的信息。您填写的值与批注一起保存（不修改保存的文件）；↺ 恢复清理器的值。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="56" />
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="57" />
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="58" />
        <source>T&amp;ime:</source>
        <translation>时间(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="59" />
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="60" />
        <source>&amp;Author:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="61" />
        <source>&amp;URL:</source>
        <translation>网址(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="64" />
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="65" />
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="74" />
        <source>The cleaner found: {value}</source>
        <translation>清理器找到的是：{value}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="78" />
        <source>Back to the cleaner's value</source>
        <translation>恢复清理器的值</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_details.py" line="79" />
        <source>Reset {field}</source>
        <translation>重置{field}</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../reader/ui/library_model.py" line="81" />
        <source>title</source>
        <extracomment>the column of each metadata field the user can correct (shown in italics) Sorting by the number of hits reads every row's text: up to this many rows.</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="82" />
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="83" />
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="84" />
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="85" />
        <source>author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="86" />
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="161" />
        <source>Title</source>
        <extracomment>where a search's words are in an article (None: no words searched) works out the hits of a row to paint off the GUI thread (ui/hits_filler.py); without it they are worked out as the row paints</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="162" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="163" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="164" />
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="165" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="166" />
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="167" />
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="168" />
        <source>Starred</source>
        <translation>星标</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="169" />
        <source>Found</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_model.py" line="227" />
        <source>Corrected by you: {fields}</source>
        <translation>您已更正：{fields}</translation>
    </message>
</context>
<context>
    <name>Bulk</name>
    <message>
        <location filename="../../reader/ui/bulk.py" line="71" />
        <source>Change &amp;colour</source>
        <translation>更改颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="82" />
        <source>Add tags to {n} highlights</source>
        <translation>为 {n} 条高亮添加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="87" />
        <source>&amp;Add tags…</source>
        <translation>添加标签(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="90" />
        <source>&amp;Remove tag</source>
        <translation>移除标签(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="94" />
        <source>&amp;Export these…</source>
        <translation>导出所选(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="101" />
        <source>Delete highlights</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="102" />
        <source>Delete {n} highlights?</source>
        <translation>删除 {n} 条高亮？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="109" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="111" />
        <source>&amp;Delete {n} highlights</source>
        <translation>删除 {n} 条高亮(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ColorMeaningsDialog</name>
    <message>
        <location filename="../../reader/ui/color_meanings.py" line="42" />
        <source>Colour Meanings</source>
        <translation>颜色含义</translation>
    </message>
    <message>
        <location filename="../../reader/ui/color_meanings.py" line="46" />
        <source>Say what each colour stands for. The meaning shows wherever the colour does, and travels with your exports.</source>
        <translation>为每种颜色说明它代表什么。含义会随颜色一起显示，并随导出一起带走。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/color_meanings.py" line="64" />
        <source>e.g. argument, evidence, question…</source>
        <translation>例如：观点、证据、问题…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/color_meanings.py" line="65" />
        <source>Meaning of {color}</source>
        <translation>{color}的含义</translation>
    </message>
    <message>
        <location filename="../../reader/ui/color_meanings.py" line="68" />
        <source>Key that highlights in this colour</source>
        <translation>用此颜色高亮的按键</translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <location filename="../../reader/ui/colors.py" line="18" />
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="19" />
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="20" />
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="21" />
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="22" />
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="23" />
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="24" />
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="25" />
        <source>Gray</source>
        <translation>灰色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="57" />
        <source>Anchored</source>
        <translation>已定位</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="58" />
        <source>Moved</source>
        <translation>已移动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="59" />
        <source>Approximate</source>
        <translation>近似匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/colors.py" line="60" />
        <source>Orphaned</source>
        <translation>孤立</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="253" />
        <location filename="../../reader/ui/dialogs.py" line="273" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="263" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="264" />
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="265" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="266" />
        <source>Kept</source>
        <translation>保留的版本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="267" />
        <source>Other version</source>
        <translation>另一版本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="282" />
        <source>&amp;Restore other version</source>
        <translation>恢复另一版本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="284" />
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="294" />
        <source>note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="295" />
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="296" />
        <source>place in the text</source>
        <translation>在文中的位置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="297" />
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="298" />
        <source>starred</source>
        <translation>星标</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="299" />
        <source>deleted or kept</source>
        <translation>删除或保留</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="308" />
        <location filename="../../reader/ui/dialogs.py" line="309" />
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="320" />
        <source>No conflicts: nothing was changed by two programs at once.</source>
        <translation>没有冲突：没有内容同时被两个程序修改。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="323" />
        <source>These values were changed by two programs at once (for example the app and the command line). The newer change was kept; the other version is listed here.</source>
        <translation>这些内容曾同时被两个程序修改（例如本应用和命令行）。已保留较新的修改；另一版本列在这里。</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../reader/core/export/readwise_read.py" line="53" />
        <source>not a readable CSV file: {error}</source>
        <translation>不是可读的 CSV 文件：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="84" />
        <source>{added} added, {updated} updated, {unchanged} unchanged, {orphaned} orphaned</source>
        <extracomment>A JSON string (the unrolled form: no backtracking stack however long it is) or a bracket.</extracomment>
        <translation>新增 {added} 条，更新 {updated} 条，未变 {unchanged} 条，孤立 {orphaned} 条</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="95" />
        <source>, tags of {n} article(s) merged</source>
        <translation>，合并了 {n} 篇文章的标签</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="101" />
        <source>, {n} skipped</source>
        <translation>，跳过 {n} 条</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="118" />
        <source>the file is nested more than {limit} levels deep; refused</source>
        <translation>文件嵌套超过 {limit} 层，已拒绝</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="136" />
        <source>cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="144" />
        <source>the file is {size} MB; the limit is {limit} MB</source>
        <translation>文件大小为 {size} MB，上限为 {limit} MB</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="169" />
        <source>the file is too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="175" />
        <source>not JSON: {error}</source>
        <translation>不是 JSON：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="180" />
        <source>more than {n} annotations; refused</source>
        <translation>批注超过 {n} 条，已拒绝</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="195" />
        <source>the collection's first page is not embedded in the file</source>
        <translation>集合的第一页未包含在文件中</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="213" />
        <location filename="../../reader/core/export/importing.py" line="217" />
        <source>not a W3C annotation, page or collection</source>
        <translation>不是 W3C 批注、批注页或批注集合</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="221" />
        <source>an annotation in the file is not a JSON object</source>
        <translation>文件中有一条批注不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/importing.py" line="581" />
        <source>import annotations</source>
        <extracomment>The pseudo-item that carries a collection's tag registry through ``plan``. a passage given by position only (start, end), placed in the article's text the article's own state, from our export: starred, read the article's title, from our export's target or a Readwise row the user's corrections of the article's metadata, from our export the page's address (a Hypothesis target, a Readwise row) the id the annotation had where it came from, if not one of ours Hypothesis gives one annotation as "abc123" (its API) and as "https://hypothes.is/a/abc123" (its JSON-LD): the same id. quotes per source tried (its longest), and the shortest worth a search</extracomment>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/qdpx_read.py" line="64" />
        <source>not a .qdpx (zip) file: {error}</source>
        <translation>不是 .qdpx（zip）文件：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/qdpx_read.py" line="74" />
        <source>the project has no {name}</source>
        <translation>项目中没有 {name}</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/qdpx_read.py" line="80" />
        <source>{name} is too large ({size} bytes)</source>
        <translation>{name} 过大（{size} 字节）</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/qdpx_read.py" line="91" />
        <source>no project.qde in the file</source>
        <translation>文件中没有 project.qde</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/qdpx_read.py" line="99" />
        <source>the project declares a DTD or entities; refused</source>
        <translation>项目声明了 DTD 或实体，已拒绝</translation>
    </message>
    <message>
        <location filename="../../reader/core/export/qdpx_read.py" line="105" />
        <source>project.qde is not XML: {error}</source>
        <translation>project.qde 不是 XML：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="497" />
        <source>cannot create the store folder ({error})</source>
        <extracomment>At most one backup in this many seconds. Each backup keeps a whole old version alive, and writing the next version then costs fresh memory for all of it (a 15 MB save took 45 ms instead of 4); a burst of edits is backed up once. Tombstones older than this are dropped (a writer offline longer than this could bring a deleted record back; it would show as an ordinary record). Step-by-step migrations: MIGRATIONS[n] turns a version-n document (plain JSON values) into version n+1. the articles the last apply/undo/redo changed (None: maybe any) conflicts the last merge from disk added (for the app to announce)</extracomment>
        <translation>无法创建存储文件夹（{error}）</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="504" />
        <source>the store file or its folder is not writable</source>
        <translation>存储文件或其文件夹不可写</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="512" />
        <source>Opened read-only: {reason}. Changes cannot be saved.</source>
        <translation>已以只读方式打开：{reason}。更改无法保存。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="524" />
        <source>cannot create a lock file ({error})</source>
        <translation>无法创建锁文件（{error}）</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="531" />
        <source>another Reader window is using this store</source>
        <translation>另一个 Reader 窗口正在使用此存储</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="597" />
        <source>The store was upgraded from schema {old} to {new}; the old file is kept in the backups folder.</source>
        <translation>存储已从第 {old} 版格式升级到第 {new} 版；旧文件保留在备份文件夹中。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="635" />
        <source>Backup {name} is damaged too; skipped (kept).</source>
        <translation>备份 {name} 也已损坏；已跳过（文件保留）。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="644" />
        <source>The annotation store was damaged ({problem}). The damaged file is kept as {kept}. Restored the backup of generation {generation} (saved {when}); changes after that were lost.</source>
        <translation>批注存储已损坏（{problem}）。损坏的文件保留为 {kept}。已恢复第 {generation} 代备份（保存于 {when}）；此后的更改已丢失。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="651" />
        <source>The annotation store was damaged ({problem}). Restored the backup of generation {generation} (saved {when}); changes after that were lost.</source>
        <translation>批注存储已损坏（{problem}）。已恢复第 {generation} 代备份（保存于 {when}）；此后的更改已丢失。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="668" />
        <source>The annotation store was damaged ({problem}) and no good backup exists. The damaged file is kept as {kept}; starting with an empty store.</source>
        <translation>批注存储已损坏（{problem}），且没有完好的备份。损坏的文件保留为 {kept}；将以空存储开始。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="674" />
        <source>The annotation store was damaged ({problem}) and no good backup exists; starting with an empty store.</source>
        <translation>批注存储已损坏（{problem}），且没有完好的备份；将以空存储开始。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="875" />
        <source>The store on disk was damaged ({problem}); it is kept as {kept} and this session's annotations were saved in its place.</source>
        <translation>磁盘上的存储已损坏（{problem}）；它保留为 {kept}，本次会话的批注已保存到原位置。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="881" />
        <source>The store on disk was damaged ({problem}); this session's annotations were saved in its place.</source>
        <translation>磁盘上的存储已损坏（{problem}）；本次会话的批注已保存到原位置。</translation>
    </message>
    <message>
        <location filename="../../reader/core/store.py" line="976" />
        <source>Could not write a backup in {folder} ({error}); the annotations are saved, without a backup of the previous version.</source>
        <translation>无法在 {folder} 中写入备份（{error}）；批注已保存，但没有上一版本的备份。</translation>
    </message>
    <message>
        <location filename="../../reader/core/overrides.py" line="35" />
        <source>unknown field {field}: use one of {fields}</source>
        <extracomment>The fields a user can set, in the order forms and listings show them.</extracomment>
        <translation>未知字段 {field}：请使用 {fields} 之一</translation>
    </message>
    <message>
        <location filename="../../reader/core/overrides.py" line="49" />
        <source>date: give YYYY-MM-DD (or YYYY-MM, YYYY), not {value}</source>
        <translation>日期：请填写 YYYY-MM-DD（或 YYYY-MM、YYYY），而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../reader/core/overrides.py" line="59" />
        <source>time: give HH:MM (24-hour), not {value}</source>
        <translation>时间：请填写 HH:MM（24 小时制），而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../reader/core/overrides.py" line="66" />
        <source>url: give an http:// or https:// address, not {value}</source>
        <translation>网址：请填写 http:// 或 https:// 地址，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../reader/core/overrides.py" line="83" />
        <source>date: {value} is not a day of the calendar</source>
        <translation>日期：{value} 不是日历上的日期</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="33" />
        <source>your correction: {what}</source>
        <extracomment>The reason given for what a rule removed: its words (and, unshown, its id).</extracomment>
        <translation>你的更正：{what}</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="107" />
        <source>remove the line “{text}”</source>
        <translation>删除“{text}”这一行</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="108" />
        <source>remove lines that start with “{text}”</source>
        <translation>删除以“{text}”开头的行</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="109" />
        <source>remove the line “{text}” and everything after it</source>
        <translation>删除“{text}”这一行及其后的全部内容</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="112" />
        <source>keep the line “{text}”</source>
        <translation>保留“{text}”这一行</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="113" />
        <source>keep lines that start with “{text}”</source>
        <translation>保留以“{text}”开头的行</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="114" />
        <source>the line “{text}” is a heading</source>
        <translation>“{text}”这一行是小标题</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="115" />
        <source>lines that start with “{text}” are headings</source>
        <translation>以“{text}”开头的行是小标题</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="118" />
        <source>the line “{text}” is not a heading</source>
        <translation>“{text}”这一行不是小标题</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="119" />
        <source>lines that start with “{text}” are not headings</source>
        <translation>以“{text}”开头的行不是小标题</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="122" />
        <source>a title that equals “{text}” is wrong</source>
        <translation>等于“{text}”的标题是错的</translation>
    </message>
    <message>
        <location filename="../../reader/core/rules.py" line="123" />
        <source>a title that starts with “{text}” is wrong</source>
        <translation>以“{text}”开头的标题是错的</translation>
    </message>
    <message>
        <location filename="../../reader/core/query.py" line="99" />
        <location filename="../../reader/core/query.py" line="106" />
        <source>OR needs a word on each side</source>
        <extracomment>Fields that take text. fields answered from the store, not from the articles</extracomment>
        <translation>OR 两边都需要有词语</translation>
    </message>
    <message>
        <location filename="../../reader/core/query.py" line="170" />
        <source>unknown field “{name}:” (fields: {fields}); quote it to search for it</source>
        <translation>没有“{name}:”这个字段（可用字段：{fields}）；如要搜索这段文字，请加引号</translation>
    </message>
    <message>
        <location filename="../../reader/core/query.py" line="181" />
        <source>“{name}:” needs a value</source>
        <translation>“{name}:”后面需要一个值</translation>
    </message>
    <message>
        <location filename="../../reader/core/query.py" line="199" />
        <source>{name}: takes {values}</source>
        <extracomment>The fields that take one of a few words.</extracomment>
        <translation>{name}: 可以是 {values}</translation>
    </message>
    <message>
        <location filename="../../reader/core/query.py" line="219" />
        <source>“{value}” is not a date: write 2021, 2021-09 or 2021-09-30</source>
        <translation>“{value}”不是日期：请写成 2021、2021-09 或 2021-09-30</translation>
    </message>
    <message>
        <location filename="../../reader/core/query.py" line="245" />
        <source>the dates “{value}” run backwards</source>
        <translation>日期范围“{value}”前后颠倒了</translation>
    </message>
    <message>
        <location filename="../../reader/core/search.py" line="792" />
        <source>no colour “{value}”: use {colors}, or a meaning you gave a colour</source>
        <extracomment>The index's layout; a different one on disk is rebuilt. The text fields of the index (the query's field names, "text" for the body). Chinese colour names (the app's names for the palette), for color: Fields the text index answers (None: a word anywhere: text, title, source, author).</extracomment>
        <translation>没有“{value}”这种颜色：可用 {colors}，或你为颜色设定的含义</translation>
    </message>
    <message>
        <location filename="../../reader/ui/color_meanings.py" line="92" />
        <source>colour meanings</source>
        <translation>颜色含义</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="27" />
        <source>recolour highlights</source>
        <translation>更改高亮颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="36" />
        <source>tag highlights</source>
        <translation>为高亮加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="45" />
        <source>untag highlights</source>
        <translation>移除高亮标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bulk.py" line="50" />
        <source>delete highlights</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/core/sync.py" line="231" />
        <source>update annotations for changed files</source>
        <extracomment>what a re-anchored highlight looked like when planned: article, start, end, exact, status</extracomment>
        <translation>为改动的文件更新批注</translation>
    </message>
    <message>
        <location filename="../../reader/core/sync.py" line="301" />
        <location filename="../../reader/core/annotations.py" line="654" />
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="282" />
        <source>change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="354" />
        <source>add highlight</source>
        <extracomment>False for system changes that are never undone (re-anchoring a library): they skip recording before/after copies of every record they touch.</extracomment>
        <translation>添加高亮</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="374" />
        <source>delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="390" />
        <source>edit highlight</source>
        <translation>编辑高亮</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="442" />
        <source>tag article</source>
        <translation>为文章加标签</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="484" />
        <source>edit article tags</source>
        <translation>编辑文章标签</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="490" />
        <source>edit article</source>
        <translation>编辑文章</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="518" />
        <source>edit article details</source>
        <translation>编辑文章信息</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="564" />
        <source>rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="587" />
        <source>merge tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="605" />
        <source>delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="620" />
        <source>tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="638" />
        <source>colour meaning</source>
        <translation>颜色含义</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="672" />
        <source>delete correction</source>
        <translation>删除更正</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="688" />
        <source>keep replaced value</source>
        <translation>保留被替换的值</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="702" />
        <source>dismiss conflict</source>
        <translation>忽略冲突</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="718" />
        <source>restore other version</source>
        <translation>恢复另一版本</translation>
    </message>
    <message>
        <location filename="../../reader/core/annotations.py" line="762" />
        <source>changes</source>
        <translation>更改</translation>
    </message>
</context>
<context>
    <name>CorrectionMenu</name>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="59" />
        <source>In this article</source>
        <extracomment>action, match, text, for the whole site</extracomment>
        <translation>仅此文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="63" />
        <source>On every page of {site}…</source>
        <translation>{site} 的每个页面…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="73" />
        <source>Remove lines that start with “{text}”</source>
        <translation>删除以“{text}”开头的行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="79" />
        <source>Remove as boilerplate</source>
        <translation>作为无关内容删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="81" />
        <source>Remove it and everything after it</source>
        <translation>删除此行及其后的全部内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="87" />
        <source>Make it a paragraph</source>
        <translation>设为正文段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="89" />
        <source>Make it a heading</source>
        <translation>设为小标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="94" />
        <source>Take back this correction</source>
        <translation>撤回这项更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="98" />
        <source>Restore as article text</source>
        <translation>恢复为正文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_menu.py" line="101" />
        <source>This is not the title</source>
        <translation>这不是标题</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../reader/ui/corrections.py" line="95" />
        <location filename="../../reader/ui/corrections.py" line="149" />
        <location filename="../../reader/ui/corrections.py" line="197" />
        <location filename="../../reader/ui/corrections.py" line="204" />
        <source>Correct the cleaner</source>
        <translation>更正清理结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="134" />
        <source>Checking the articles…</source>
        <translation>正在检查文章…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="134" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="165" />
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="173" />
        <source>{what}: {n} article(s) changed; highlights moved {moved}, approximate {fuzzy}, orphaned {orphaned}</source>
        <translation>{what}：已更改 {n} 篇文章；高亮移动 {moved} 处，近似定位 {fuzzy} 处，失去位置 {orphaned} 处</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="189" />
        <source>delete correction</source>
        <translation>删除更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="198" />
        <source>This article is not in the library, or its site is not known.</source>
        <translation>这篇文章不在文库中，或不知道它来自哪个网站。</translation>
    </message>
</context>
<context>
    <name>EditService</name>
    <message>
        <location filename="../../reader/ui/edit_service.py" line="183" />
        <source>{n} value(s) changed by two programs at once; the other version is kept in View ▸ Conflicts.</source>
        <translation>{n} 处内容同时被两个程序修改；另一版本保存在“视图 ▸ 冲突”中。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/edit_service.py" line="243" />
        <source>{error}

Nothing was imported.</source>
        <translation>{error}

没有导入任何内容。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="69" />
        <source>Export Notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="103" />
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="104" />
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="109" />
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="110" />
        <source>Selected articles</source>
        <translation>选中的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="111" />
        <source>Filtered list</source>
        <translation>筛选后的列表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="112" />
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="113" />
        <source>{n} chosen highlights</source>
        <translation>所选的 {n} 条高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="124" />
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="129" />
        <source>Only these tags (comma separated; empty: all)</source>
        <translation>仅这些标签（逗号分隔；留空表示全部）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="130" />
        <source>Tag filter</source>
        <translation>标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="131" />
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="142" />
        <source>Colours:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="144" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="146" />
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="148" />
        <source>Articles dated from</source>
        <translation>文章日期起</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="149" />
        <source>Articles dated until</source>
        <translation>文章日期止</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="156" />
        <source>Article date:</source>
        <translation>文章日期：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="160" />
        <source>Only articles with highlights</source>
        <translation>仅含高亮的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="162" />
        <source>One Markdown file per article (into a folder)</source>
        <translation>每篇文章一个 Markdown 文件（导出到文件夹）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="166" />
        <source>Default template</source>
        <translation>默认模板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="167" />
        <source>Markdown template file</source>
        <translation>Markdown 模板文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="168" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="172" />
        <source>Te&amp;mplate:</source>
        <translation>模板(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="177" />
        <source>Destination</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="178" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="182" />
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="82" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="89" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="256" />
        <source>Markdown template</source>
        <translation>Markdown 模板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="256" />
        <source>Templates (*.md *.txt);;All files (*)</source>
        <translation>模板 (*.md *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="263" />
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="268" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="277" />
        <source>{h} highlights from {a} articles</source>
        <translation>{a} 篇文章中的 {h} 条高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="282" />
        <source>A REFI-QDA project (zip) with {a} text sources, tags as codes and {h} coded selections.</source>
        <translation>一个 REFI-QDA 项目（zip）：{a} 个文本来源，标签作为编码，{h} 个已编码的选段。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="301" />
        <source>Choose where to save the export first.</source>
        <translation>请先选择导出的保存位置。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="312" />
        <source>{dest} already exists. Replace it?</source>
        <translation>{dest} 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="323" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="323" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="351" />
        <source>Exported {h} highlights from {a} articles to {n} file(s).</source>
        <translation>已将 {a} 篇文章中的 {h} 条高亮导出到 {n} 个文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="357" />
        <source>In the notes already there: {u} highlights updated, {a} added, {r} removed; {k} you had edited were left as you wrote them.</source>
        <translation>已有笔记中：更新 {u} 条高亮，新增 {a} 条，删除 {r} 条；你改过的 {k} 条保持原样。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="362" />
        <source>{n} file(s) of the same name that Reader did not write were left alone.</source>
        <translation>{n} 个同名文件不是 Reader 写的，未作改动。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="370" />
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../reader/ui/file_dialogs.py" line="18" />
        <source>Open Library Folder</source>
        <translation>打开资料库文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/file_dialogs.py" line="26" />
        <source>Add Files to the Library</source>
        <translation>将文件添加到资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/file_dialogs.py" line="28" />
        <source>Saved pages (*.html *.htm *.mhtml *.mht *.txt *.md *.markdown);;All files (*)</source>
        <translation>保存的网页 (*.html *.htm *.mhtml *.mht *.txt *.md *.markdown);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/file_dialogs.py" line="39" />
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/file_dialogs.py" line="41" />
        <source>Annotations (*.json *.jsonld *.qdpx *.csv);;W3C annotations (*.json *.jsonld);;REFI-QDA projects (*.qdpx);;Readwise CSV (*.csv);;All files (*)</source>
        <translation>批注 (*.json *.jsonld *.qdpx *.csv);;W3C 批注 (*.json *.jsonld);;REFI-QDA 项目 (*.qdpx);;Readwise CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/file_dialogs.py" line="59" />
        <location filename="../../reader/ui/file_dialogs.py" line="73" />
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/file_dialogs.py" line="61" />
        <source>Already in the library, not added again:
{names}</source>
        <translation>资料库中已有，未再次添加：
{names}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/file_dialogs.py" line="69" />
        <source>Could not copy {name}: {error}</source>
        <translation>无法复制 {name}：{error}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="55" />
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="57" />
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="66" />
        <source>Previous (Shift+Enter)</source>
        <translation>上一个（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="67" />
        <source>Next (Enter)</source>
        <translation>下一个（Enter）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="77" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="78" />
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="98" />
        <source>no matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="101" />
        <source>{i} of {n}</source>
        <translation>第 {i} 个，共 {n} 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="103" />
        <source>{n} matches</source>
        <translation>{n} 个匹配</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="343" />
        <source>Could not update annotations for changed files: {error}</source>
        <extracomment>Above this many files only folders are watched (inotify watches are a shared, limited resource); edits are then found by the periodic look.</extracomment>
        <translation>无法为已更改的文件更新批注：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="380" />
        <source>Could not index the library for search: {error}</source>
        <translation>无法为搜索建立文库索引：{error}</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="300" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="67" />
        <source>Search: words, "a phrase", tag:, date:… (Ctrl+L)</source>
        <translation>搜索：词语、"短语"、tag:、date:…（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="70" />
        <source>Search the library</source>
        <translation>搜索资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="76" />
        <location filename="../../reader/ui/library_pane.py" line="77" />
        <source>Save this search</source>
        <translation>保存此搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="98" />
        <location filename="../../reader/ui/library_pane.py" line="418" />
        <source>Tags ▾</source>
        <translation>标签 ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="99" />
        <source>Filter by tags</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="105" />
        <source>Filter by source</source>
        <translation>按来源筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="114" />
        <source>Number of articles shown</source>
        <translation>显示的文章数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="136" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="304" />
        <source>Not searched: {problem} (at character {n})</source>
        <translation>未搜索：{problem}（第 {n} 个字符处）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="310" />
        <source>The search failed: {reason}</source>
        <translation>搜索失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="326" />
        <source>{n} highlights or notes match — &lt;a href='#'&gt;show them&lt;/a&gt;</source>
        <translation>有 {n} 条高亮或笔记匹配 — &lt;a href='#'&gt;查看&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="346" />
        <source>援疆 干部 — both words
"对口援疆" — this phrase
喀什 OR 和田 — either
-广告 — not this
title: source: author: tag: color: note: — in that field
has:note has:highlight has:tag
is:starred is:read is:unread is:orphaned
date:2021  date:2021-09..2022-03
Simplified and traditional characters match each other.</source>
        <translation>援疆 干部 — 同时包含两个词
"对口援疆" — 这个短语
喀什 OR 和田 — 任一个
-广告 — 不含此词
title: source: author: tag: color: note: — 在该字段中
has:note has:highlight has:tag
is:starred is:read is:unread is:orphaned
date:2021  date:2021-09..2022-03
简体字与繁体字互相匹配。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="366" />
        <source>{n} articles</source>
        <translation>{n} 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="368" />
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="373" />
        <source>★ Starred only</source>
        <translation>★ 仅星标</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="374" />
        <source>Unread only</source>
        <translation>仅未读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="383" />
        <source>No tags yet</source>
        <translation>还没有标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="386" />
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="420" />
        <source>Tags: {tags} ▾</source>
        <translation>标签：{tags} ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="423" />
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_pane.py" line="432" />
        <source>All sources</source>
        <translation>所有来源</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="80" />
        <location filename="../../reader/ui/main_window.py" line="144" />
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_keys.py" line="55" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_keys.py" line="60" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="282" />
        <source>Tag highlight</source>
        <translation>给高亮加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="314" />
        <source>Tag article</source>
        <translation>给文章加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_keys.py" line="53" />
        <source>&amp;Undo {what}</source>
        <translation>撤销：{what}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_keys.py" line="58" />
        <source>&amp;Redo {what}</source>
        <translation>重做：{what}(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="393" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="483" />
        <source>Could not save annotations</source>
        <translation>无法保存批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="484" />
        <source>{error}

Quit anyway and lose the unsaved changes?</source>
        <translation>{error}

仍然退出并丢失未保存的更改吗？</translation>
    </message>
</context>
<context>
    <name>MenuBuilder</name>
    <message>
        <location filename="../../reader/ui/menus.py" line="121" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="123" />
        <source>&amp;Open Library Folder…</source>
        <translation>打开资料库文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="125" />
        <source>&amp;Add Files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="126" />
        <source>&amp;Reload Library</source>
        <translation>重新载入资料库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="128" />
        <source>&amp;Export Notes…</source>
        <translation>导出笔记(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="130" />
        <source>&amp;Import Annotations…</source>
        <translation>导入批注(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="133" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="137" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="138" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="139" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="141" />
        <source>&amp;Find in Article…</source>
        <translation>在文章中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="143" />
        <source>Search &amp;Library</source>
        <translation>搜索资料库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="148" />
        <source>&amp;Highlight Selection</source>
        <translation>高亮所选内容(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="155" />
        <source>Highlight with &amp;Note…</source>
        <translation>高亮并写笔记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="162" />
        <source>Highlight with &amp;Tag…</source>
        <translation>高亮并加标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="168" />
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="173" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="177" />
        <source>Show &amp;Original</source>
        <translation>显示原文(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="183" />
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="185" />
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="186" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="189" />
        <source>&amp;Annotations Panel</source>
        <translation>批注面板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="194" />
        <source>All &amp;Highlights…</source>
        <translation>全部高亮(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="196" />
        <source>&amp;Conflicts…</source>
        <translation>冲突(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="203" />
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="204" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="205" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="206" />
        <source>S&amp;epia</source>
        <translation>护眼(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="104" />
        <location filename="../../reader/ui/menus.py" line="218" />
        <source>&amp;Library</source>
        <translation>资料库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="109" />
        <source>&amp;Reading Mode</source>
        <translation>阅读模式(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="112" />
        <source>Leave Reading Mode</source>
        <translation>退出阅读模式</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="219" />
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="220" />
        <source>Colour &amp;Meanings…</source>
        <translation>颜色含义(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="221" />
        <source>Tag &amp;Article…</source>
        <translation>给文章加标签(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="223" />
        <source>Article &amp;Details…</source>
        <translation>文章信息(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="226" />
        <source>&amp;Corrections of the Cleaner…</source>
        <translation>清理结果的更正(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="229" />
        <source>Mark &amp;Read/Unread</source>
        <translation>标记为已读/未读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="232" />
        <source>&amp;Star/Unstar</source>
        <translation>加星标/取消星标(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="237" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="238" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="239" />
        <source>&amp;About Reader</source>
        <translation>关于 Reader(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="165" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="169" />
        <location filename="../../reader/ui/dialogs.py" line="193" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="170" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="171" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="172" />
        <source>Sepia</source>
        <translation>护眼</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="176" />
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="185" />
        <source>Reading &amp;font:</source>
        <translation>阅读字体(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="190" />
        <source>Font &amp;size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="201" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="202" />
        <source>A language change applies at the next start.</source>
        <translation>语言更改将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="131" />
        <source>Article text</source>
        <translation>文章正文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="248" />
        <source>Select an article to read it.</source>
        <extracomment>what the user made each colour mean (the reading pane hands in the store's)</extracomment>
        <translation>选择一篇文章开始阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="293" />
        <source>No date, source or author on the page</source>
        <translation>页面上没有日期、来源或作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="341" />
        <source>removed: {reason}</source>
        <translation>已删除：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="654" />
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="657" />
        <source>{color}	{key}</source>
        <translation>{color}	{key}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="663" />
        <source>Highlight with &amp;note…	N</source>
        <translation>高亮并写笔记(&amp;N)…	N</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="666" />
        <source>Highlight with &amp;tag…	T</source>
        <translation>高亮并加标签(&amp;T)…	T</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="674" />
        <source>Edit &amp;note…	N</source>
        <translation>编辑批注(&amp;N)…	N</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="675" />
        <source>Edit &amp;tags…	T</source>
        <translation>编辑标签(&amp;T)…	T</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="676" />
        <source>Change &amp;colour</source>
        <translation>更改颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="681" />
        <source>Copy highlight &amp;text</source>
        <translation>复制高亮文字(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="683" />
        <source>Copy as &amp;quotation with its source</source>
        <translation>复制为带出处的引文(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="685" />
        <source>&amp;Delete highlight</source>
        <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="687" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="689" />
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="76" />
        <source>Contents ▾</source>
        <extracomment>the words of the library's search in force (opening a result marks them)</extracomment>
        <translation>目录 ▾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="77" />
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="84" />
        <source>Open page ↗</source>
        <translation>打开原网页 ↗</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="85" />
        <source>Open the original page in your web browser</source>
        <translation>在网页浏览器中打开原网页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="89" />
        <source>Details…</source>
        <translation>信息…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="90" />
        <source>Correct the title, date, source… (Alt+Enter)</source>
        <translation>更正标题、日期、来源…（Alt+Enter）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="91" />
        <source>Edit the article's details</source>
        <translation>编辑文章信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="95" />
        <location filename="../../reader/ui/reading_pane.py" line="223" />
        <source>Show original</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="98" />
        <source>Show the original page with removed parts marked</source>
        <translation>显示原始页面并标出被删除的部分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="238" />
        <source>Original page: {n} pieces removed by the cleaner, struck through with the reason</source>
        <translation>原始页面：清理器删除了 {n} 处内容，已用删除线标出并注明原因</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="309" />
        <source>Re-attach highlight</source>
        <extracomment>what show_hits wrote in the find bar, and the search's words it stands for</extracomment>
        <translation>重新关联高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="310" />
        <source>First select, in the text, the passage this highlight belongs to.</source>
        <translation>请先在正文中选中这条高亮所属的段落。</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../reader/ui/reasons.py" line="21" />
        <source>outside the article</source>
        <translation>不在正文内</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="22" />
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="23" />
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="24" />
        <source>date/source line (kept as metadata)</source>
        <translation>日期/来源行（已作为元数据保留）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="27" />
        <source>credit line (kept as metadata)</source>
        <translation>署名行（已作为元数据保留）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="30" />
        <source>credit (kept as metadata)</source>
        <translation>署名（已作为元数据保留）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="33" />
        <source>byline (kept as metadata)</source>
        <translation>作者行（已作为元数据保留）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="36" />
        <source>image caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="37" />
        <source>image credit</source>
        <translation>图片来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="38" />
        <source>sidebar</source>
        <translation>侧栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="39" />
        <source>page footer</source>
        <translation>页脚</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="40" />
        <source>navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="41" />
        <source>site chrome before the title</source>
        <translation>标题前的网站框架</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="44" />
        <source>related-articles list and what follows</source>
        <translation>相关文章列表及其后内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="47" />
        <source>preamble of a compilation page</source>
        <translation>合集页的前言</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="50" />
        <source>app/QR promotion</source>
        <translation>App/二维码推广</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="51" />
        <source>breadcrumb trail</source>
        <translation>面包屑导航</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="52" />
        <source>code or counter fragment</source>
        <translation>代码或计数器碎片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="55" />
        <source>link list or labels inside the content area</source>
        <translation>正文区内的链接列表或标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="58" />
        <source>navigation bar</source>
        <translation>导航栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="59" />
        <source>permalink</source>
        <translation>固定链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="60" />
        <source>previous/next link</source>
        <translation>上一篇/下一篇链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="61" />
        <source>ranking tabs</source>
        <translation>排行标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="62" />
        <source>reaction widget</source>
        <translation>表态小部件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="63" />
        <source>share/tool bar</source>
        <translation>分享/工具栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="64" />
        <source>site chrome</source>
        <translation>网站框架</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="65" />
        <source>site disclaimer</source>
        <translation>网站免责声明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="82" />
        <source>repeated watermark ({n}×)</source>
        <translation>重复水印（{n}×）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="87" />
        <source>page chrome (class/id '{name}')</source>
        <translation>页面框架（class/id “{name}”）</translation>
    </message>
</context>
<context>
    <name>RulePreview</name>
    <message>
        <location filename="../../reader/ui/corrections.py" line="230" />
        <source>Make it a rule for the site</source>
        <translation>设为整个网站的规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="234" />
        <source>For every article of {site}: {what}.</source>
        <translation>对 {site} 的每篇文章：{what}。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="248" />
        <source>What the rule changes in one article</source>
        <translation>该规则对一篇文章的改动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="251" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="257" />
        <source>It changes no article now; it will apply to pages saved later.</source>
        <translation>目前不会改动任何文章；以后保存的页面也会适用。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="260" />
        <source>It changes {n} article(s). For example, “{title}”:</source>
        <translation>将改动 {n} 篇文章。例如《{title}》：</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="40" />
        <source>Corrections of the Cleaner</source>
        <translation>清理结果的更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="45" />
        <source>Your corrections of the cleaner, made in Show Original. A rule for a site applies to every page of it, including pages you save later.</source>
        <translation>你在“显示原文”中对清理结果所做的更正。网站规则适用于该网站的每个页面，包括以后保存的页面。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="54" />
        <source>For</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="54" />
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="54" />
        <source>On</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="56" />
        <source>Corrections of the cleaner</source>
        <translation>清理结果的更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="67" />
        <source>No corrections yet. In Show Original, right-click a line to remove it, restore it, or make it a heading.</source>
        <translation>还没有更正。在“显示原文”中右键单击一行，即可删除、恢复它，或将其设为小标题。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="75" />
        <location filename="../../reader/ui/rules_dialog.py" line="134" />
        <source>Turn &amp;off</source>
        <translation>停用(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="77" />
        <source>For the whole &amp;site…</source>
        <translation>用于整个网站(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="78" />
        <source>Make this article's correction a rule for its site</source>
        <translation>把这篇文章的更正设为其网站的规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="80" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="105" />
        <source>every page of {site}</source>
        <translation>{site} 的每个页面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="110" />
        <source>“{title}”</source>
        <translation>《{title}》</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="112" />
        <source>on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="112" />
        <source>off</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="134" />
        <source>Turn &amp;on</source>
        <translation>启用(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/rules_dialog.py" line="153" />
        <source>Delete the correction “{what}”? The text it changed reads as the cleaner made it again (Undo brings it back).</source>
        <translation>删除更正“{what}”？它改动的文字将恢复为清理器的结果（可撤销）。</translation>
    </message>
</context>
<context>
    <name>SavedSearches</name>
    <message>
        <location filename="../../reader/ui/saved_searches.py" line="38" />
        <source>Saved searches</source>
        <translation>已保存的搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches.py" line="40" />
        <source>Saved searches: click to run one; right-click to rename or delete</source>
        <translation>已保存的搜索：单击运行；右键单击可重命名或删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches.py" line="77" />
        <source>Save search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches.py" line="77" />
        <source>Name of the search:</source>
        <translation>搜索名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches.py" line="111" />
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches.py" line="113" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches.py" line="119" />
        <source>Rename search</source>
        <translation>重命名搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches.py" line="119" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="91" />
        <source>Highlight ({key})</source>
        <extracomment>Keys 1-6 pick these palette colours. The most highlights painted in one article (each is a Qt extra selection).</extracomment>
        <translation>高亮（{key}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="112" />
        <source>Highlight in {color}</source>
        <translation>用{color}高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="95" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="95" />
        <source>Highlight and write a note (N)</source>
        <translation>高亮并写笔记（N）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="96" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="96" />
        <source>Highlight and tag (T)</source>
        <translation>高亮并加标签（T）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="123" />
        <source>Highlight selection in a colour</source>
        <translation>用某种颜色高亮所选内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="124" />
        <source>Highlight in the default colour</source>
        <translation>用默认颜色高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="125" />
        <source>Highlight and write a note</source>
        <translation>高亮并写笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="126" />
        <source>Highlight and tag</source>
        <translation>高亮并加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="127" />
        <source>Next / previous match (find bar)</source>
        <translation>下一个/上一个匹配（查找栏）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="128" />
        <source>Move through articles</source>
        <translation>在文章之间移动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="129" />
        <source>Open the article (move to the text)</source>
        <translation>打开文章（转到正文）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="130" />
        <source>Save the note</source>
        <translation>保存笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="132" />
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="138" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="138" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="154" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="32" />
        <source>Loading progress</source>
        <translation>载入进度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="35" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="36" />
        <source>Cancel loading</source>
        <translation>取消载入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="54" />
        <source>Cleaning articles: {done} of {total}</source>
        <translation>正在清理文章：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="56" />
        <source>Loading {folder}…</source>
        <translation>正在载入 {folder}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="64" />
        <source>Search index up to date</source>
        <translation>搜索索引已是最新</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="72" />
        <source>: {done} of {total}</source>
        <translation>：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="76" />
        <source>Indexing for search</source>
        <translation>正在建立搜索索引</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="84" />
        <source>{n} articles</source>
        <translation>{n} 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="86" />
        <source>{k} files could not be read (hover for why)</source>
        <translation>{k} 个文件无法读取（悬停查看原因）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="92" />
        <source>loading cancelled</source>
        <translation>已取消载入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="97" />
        <source>Loading failed: {error}</source>
        <translation>载入失败：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="102" />
        <source>Not saved: {error} — will retry</source>
        <translation>未保存：{error}——稍后重试</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="106" />
        <source>Could not save annotations</source>
        <translation>无法保存批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="109" />
        <source>{error}

Your changes are kept in memory and Reader will keep trying to save them.</source>
        <translation>{error}

您的更改保留在内存中，Reader 会继续尝试保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="118" />
        <source>Import: {summary}</source>
        <translation>导入：{summary}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="119" />
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="124" />
        <source>Annotation store</source>
        <translation>批注存储</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="126" />
        <source>Read-only: {why}</source>
        <translation>只读：{why}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status_bar.py" line="131" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TagField</name>
    <message>
        <location filename="../../reader/ui/tags.py" line="75" />
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="76" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../reader/ui/tags.py" line="138" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="143" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="143" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="143" />
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="152" />
        <source>Tag list</source>
        <translation>标签列表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="156" />
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="157" />
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="158" />
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="159" />
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="165" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="188" />
        <source>Select a tag first.</source>
        <translation>请先选择一个标签。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="203" />
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="203" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="216" />
        <source>Merge tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="217" />
        <source>Merge “{tag}” into:</source>
        <translation>将“{tag}”合并到：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="231" />
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="244" />
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags.py" line="245" />
        <source>Delete the tag “{tag}”? It is on {a} article(s) and {h} highlight(s).</source>
        <translation>删除标签“{tag}”？它用于 {a} 篇文章和 {h} 条高亮。</translation>
    </message>
</context>
<context>
    <name>_About</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="347" />
        <source>About Reader</source>
        <translation>关于 Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="349" />
        <source>&lt;b&gt;Reader&lt;/b&gt; {v}&lt;p&gt;Read and annotate saved web articles.&lt;/p&gt;&lt;p&gt;Annotations: {store}&lt;/p&gt;</source>
        <translation>&lt;b&gt;Reader&lt;/b&gt; {v}&lt;p&gt;阅读并批注保存的网页文章。&lt;/p&gt;&lt;p&gt;批注文件：{store}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../reader/ui/app.py" line="63" />
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
</context>
<context>
    <name>win</name>
    <message>
        <location filename="../../reader/ui/app.py" line="71" />
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="74" />
        <source>The library folder {folder} does not exist. Use File ▸ Open Library Folder…</source>
        <translation>资料库文件夹 {folder} 不存在。请使用“文件 ▸ 打开资料库文件夹…”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="95" />
        <source>No Chinese font</source>
        <translation>没有中文字体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="97" />
        <source>No installed font covers Chinese, so Chinese text shows as boxes.

On Debian/Ubuntu install one with:
    sudo apt-get install fonts-noto-cjk
On other systems install Noto Sans CJK SC or Source Han Sans.</source>
        <translation>系统中没有支持中文的字体，中文会显示为方框。

在 Debian/Ubuntu 上可以这样安装：
    sudo apt-get install fonts-noto-cjk
在其他系统上请安装 Noto Sans CJK SC 或思源黑体。</translation>
    </message>
</context>
</TS>