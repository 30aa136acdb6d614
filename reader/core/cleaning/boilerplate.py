"""Line-level boilerplate: the site chrome that comes along when a page is copied.

Each rule recognises a *kind* of chrome by the generic words every Chinese
news or content site uses for it (当前位置 for breadcrumbs, 上一篇 for
prev/next links, 相关文章 for related lists…), never by a site's name. A rule
returns the reason recorded in the article's ``removed`` report.
"""

from __future__ import annotations

import re

from .metadata import TOOL_GROUP, find_date

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
SENTENCE_PUNCT = "，。！？；：、,.!?;:"
_PUNCT_RE = re.compile(r"[，。！？；：、]|[,.!?;:](?=\s|$)")

BREADCRUMB_RE = re.compile(
    r"^\s*(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|现在位置|所在位置|位置|当前页面|导航)"
    r"\s*[:：>＞»]"
)
_CRUMB_SEP = re.compile(r"\s*(?:>|＞|»|›|→|>>|/)\s*")

#: Headers of the lists sites put after an article. Once one stands alone
#: after the body, what follows is lists, teasers and footers.
LIST_HEADER_RE = re.compile(
    r"^[\s【\[『「]*(?:相关(?:文章|阅读|新闻|推荐|资讯|链接|报道|内容|专题)|延伸阅读|扩展阅读|推荐(?:阅读|资讯|文章|新闻)"
    r"|热门(?:资讯|文章|推荐|新闻|阅读|标签|评论)|热点(?:新闻|资讯|推荐)|新闻排行|阅读排行|点击排行|排行榜|热榜"
    r"|猜你喜欢|为你推荐|为您推荐|大家都在看|精彩推荐|精彩图片|最新(?:文章|资讯|新闻|发布)|更多(?:新闻|资讯|精彩|文章)"
    r"|(?:网友|读者|最新|热门|精彩|全部)?评论(?:列表|区|\s*\(\d+\))?|发表评论|我要评论|网友留言|读者留言|Comments?|Feedback|Responses|图片新闻|今日推荐|编辑推荐|特别关注|往期回顾|相关专题)"
    r"[\s】\]』」:：>»更多]*$"
)
REACTION_WORDS = frozenset(
    "微笑 流汗 难过 羡慕 愤怒 流泪 高兴 开心 感动 同情 搞笑 震惊 无聊 惊讶 点赞 支持 反对 喜欢 "
    "不喜欢 好评 差评 鄙视 路过 雷人 给力 有用 没用 赞 踩 顶 囧 怒 哭 笑 酷 晕 汗 心碎 "
    "打赏 感谢 惊喜 期待 担忧 伤心 无语 可爱 恶心 不爽 关注".split()
)
_PREVNEXT_RE = re.compile(
    r"^\s*[【\[]?(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇|上一页|下一页)[】\]]?\s*[:：]?"
)
_PERMALINK_RE = re.compile(
    r"^\s*[【\[]?(?:本文链接|原文链接|本文地址|原文地址|文章链接|本文网址|链接地址|文章地址|转载请注明|转载请保留|文章来源地址|本页地址)"
)
_URL_ONLY_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
_DISCLAIMER_RE = re.compile(
    r"^\s*[【\[（(]?\s*(?:免责声明|版权声明|特别声明|郑重声明|声明|版权所有|Copyright|©|\(c\))\s*[】\]）)]?\s*[:：]?"
    r"|不代表本(?:站|网|平台|号)(?:的)?(?:观点|立场)|本(?:站|网)不承担|如有侵权|若有侵权|侵权(?:请|必)删|请(?:及时)?联系(?:我们|本站|本网)?删除"
    r"|未经(?:本网|本站)?(?:书面)?(?:授权|许可)(?:不得|禁止)转载|转载请注明出处|ICP备|公网安备"
    r"|违法和不良信息举报|新闻信息服务许可证",
    re.I,
)
_DISCLAIMER_LABEL = re.compile(
    r"^\s*[【\[（(]?\s*(?:免责声明|版权声明|特别声明|郑重声明|声明|版权所有|Copyright|©|\(c\))",
    re.I,
)
_RANKING_WORDS = frozenset(
    "日榜 周榜 月榜 总榜 年榜 24小时 48小时 一周 本周 本月 今日 昨日 最热 最新 热门 排行".split()
)
_PROMO_RE = re.compile(
    r"(?:下载|打开|关注|扫描|扫码|长按|识别|安装|尽在|登录|访问).{0,12}(?:APP|App|app|客户端|二维码|公众号|小程序|微信号|官方微博)"
    r"|^\s*扫一扫|(?:用|在)?手机(?:上)?(?:打开|浏览|阅读|查看|看)(?:当前页|本页|本文|此页|新闻|文章)"
    r"|(?:APP|App|客户端|二维码|公众号|小程序).{0,8}(?:下载|扫码|关注|阅读|尽在|随时随地)"
)
_SHARE_RE = re.compile(
    r"^\s*[【\[]?(?:分享到|分享至|一键分享|分享|转发到|打印|关闭|收藏|纠错|举报|返回顶部|回到顶部|返回首页|字号|字体)"
    r"[\s:：】\]]*(?:(?:微信|微博|QQ空间|QQ|朋友圈|豆瓣|人人|腾讯|新浪|打印|关闭|收藏|大|中|小|[+|\[\]【】-]|\s))*$"
)
_CHROME_WORDS = frozenset(
    "设置 日夜间 夜间 日间 夜间模式 随系统 跟随系统 浅色 深色 主题色 主题 护眼 "
    "字号 字体 大 中 小 特大 标准 登录 注册 退出 首页 返回 搜索 菜单 目录 分享 "
    "打印 关闭 收藏 评论 点赞 举报 纠错 复制链接 更多 展开 收起 全文 阅读全文 "
    "展开全文 查看全文 上一页 下一页 加载更多 点击加载更多 扫一扫 微信 微博 QQ "
    "朋友圈 网友 分享 时间 来源 作者 编辑 浏览 次 次浏览 阅读 人阅读 点击 发布 发表 广告 "
    # an advert slot's label, alone on its line
    "Advertisement ADVERTISEMENT Advertising ADVERTISING Advert ADVERT Anzeige ANZEIGE "
    "Publicité PUBLICITÉ Publicidad PUBLICIDAD Pubblicità PUBBLICITÀ Реклама РЕКЛАМА".split()
)
#: Words that only a site's navigation bar holds, never a headline.
_NAV_WORDS = frozenset(
    "首页 主页 网站首页 登录 注册 登陆 免费注册 退出 English 繁体 繁體 简体 无障碍 "
    "Home Login Log Sign Subscribe Menu Search Register".split()
)
_CODE_RE = re.compile(
    r"^[\s\d.,:;()\[\]{}\"'`<>/=+\-*!?|&%$#@^~_\\]*$"
    r"|^\s*(?:var|let|const|function|window\.|document\.|if\s*\(|\}\)|\$\(|<script|<style|@media|\.[\w-]+\s*\{)"
)
_BULLET_RE = re.compile(r"^\s*(?:[•·●○◆◇■□▪▶►※\-–—*]|\d{1,2}/\d{1,2}\b)\s*")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def punct_count(text: str) -> int:
    return len(_PUNCT_RE.findall(text))


def is_prose(text: str) -> bool:
    """A line that reads like article text rather than a label or link."""
    s = text.strip()
    n = len(s)
    if n >= 40 and punct_count(s) >= 1:
        return True
    return n >= 15 and bool(re.search(r"[。！？!?]$|[。！？][”」』\"]$", s))


def is_breadcrumb(line: str) -> bool:
    s = line.strip()
    if BREADCRUMB_RE.match(s):
        return True
    parts = [p for p in _CRUMB_SEP.split(s) if p]
    return (
        len(parts) >= 3
        and bool(re.search(r">|＞|»|›|→", s))
        and all(len(p) <= 12 for p in parts)
        and punct_count(s) == 0
    )


def _words(line: str) -> list[str]:
    s = _BULLET_RE.sub("", line.strip())
    return [w for w in re.split(r"[\s|｜/·•]+", s) if w]


def is_reaction(line: str) -> bool:
    w = _words(line)
    return bool(w) and all(x in REACTION_WORDS or re.fullmatch(r"\d+|\(\d+\)", x) for x in w)


def is_ranking_tabs(line: str) -> bool:
    w = _words(line)
    return bool(w) and all(x in _RANKING_WORDS for x in w)


def is_chrome(line: str) -> bool:
    w = _words(line)
    return bool(w) and all(x in _CHROME_WORDS or x.rstrip(":：") in _CHROME_WORDS for x in w)


def is_nav_bar(line: str) -> bool:
    """A row of short menu entries ("首页 新闻 财经 体育 登录 注册", "Home | News |
    Sport | Subscribe | Search"): five or more entries of at most four characters
    (or one short word), no sentence punctuation, and a navigation-only word
    among them (two in a Latin script)."""
    words = _words(line)
    if len(words) < 5 or punct_count(line) or any(ch in line for ch in "，。！？"):
        return False
    short = all(len(w) <= 4 if has_cjk(w) else len(w) <= 12 for w in words)
    nav = sum(w in _NAV_WORDS for w in words)
    # a headline in a Latin script may hold one such word ("Home Secretary …")
    return short and nav >= (1 if sum(map(has_cjk, words)) * 2 > len(words) else 2)


def is_tool_bar(line: str) -> bool:
    """Nothing but bracketed page tools: "【打印本页】【关闭窗口】"."""
    s = line.strip()
    return bool(s) and TOOL_GROUP.search(s) is not None and not TOOL_GROUP.sub("", s).strip(" |｜")


def is_code(line: str) -> bool:
    s = line.strip()
    if not s or has_cjk(s) or find_date(s):
        return False
    if _CODE_RE.search(s):
        return True
    # minified script or style leaking into text
    sym = sum(1 for ch in s if ch in "{}();=<>[]$")
    return len(s) > 20 and sym > len(s) / 8


_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")


def _all_sentences(line: str, rx: re.Pattern[str]) -> bool:
    """Does every sentence of ``line`` say what ``rx`` matches? (A paragraph
    of the article that also carries "转载请注明出处" is the article's.)"""
    sentences = [m.group(0) for m in _SENTENCE.finditer(line) if m.group(0).strip()]
    return all(rx.search(x) for x in sentences)


#: A line that only credits a picture: "Photo: Reuters", "(Bild: Hersteller)",
#: "Фото: личный архив …", "Image: Vjeran Pavic / The Verge", "Photo by James
#: Martin/CNET", "图片来源：新华社": a label, then a name or an agency.
_IMAGE_CREDIT_RE = re.compile(
    r"^[(\[（【]?\s*(?:(?:photos?|images?|pictures?|photograph|illustration|credit"
    r"|foto|fotos|bild|bilder|grafik|фото|photo credit|image credit|图片来源|图片|图|摄影|供图)"
    r"\s*(?::|：|/|\bby\b)|(?:image|photo|picture) copyright\b:?)"
    r"\s*(?:[^.!?。！？]{2,60})?[)\]）】]?$",  # (a label left alone: its credit was a link)
    re.I,
)


def line_reason(line: str) -> str | None:
    """Why a single line is boilerplate, or None if it may be article text."""
    s = line.strip()
    if not s:
        return None
    if is_breadcrumb(s):
        return "breadcrumb trail"
    if _PREVNEXT_RE.match(s) and len(s) < 80:
        return "previous/next link"
    if _PERMALINK_RE.match(s) or _URL_ONLY_RE.match(s):
        return "permalink"
    if _DISCLAIMER_RE.search(s) and len(s) < 300:
        # labelled ("声明：…") it is all disclaimer; otherwise every sentence
        # must be one (an article's paragraph may end in "转载请注明出处")
        labelled = _DISCLAIMER_LABEL.match(s) is not None
        if labelled or _all_sentences(s, _DISCLAIMER_RE):
            return "site disclaimer"
    if is_code(s):
        return "code or counter fragment"
    if len(s) <= 80 and _IMAGE_CREDIT_RE.match(s):
        return "image credit"
    if len(s) <= 40 and (short := _short_line_reason(s)):
        return short
    if len(s) <= 80 and is_nav_bar(s):
        return "navigation bar"
    if len(s) <= 60 and _PROMO_RE.search(s) and not is_prose(s):
        return "app/QR promotion"
    return None


def _short_line_reason(s: str) -> str | None:
    """The rules for a line of 40 characters or fewer: widgets' labels."""
    if is_reaction(s):
        return "reaction widget"
    if is_ranking_tabs(s):
        return "ranking tabs"
    if _SHARE_RE.match(s) or is_tool_bar(s):
        return "share/tool bar"
    if is_chrome(s):
        return "site chrome"
    return None


def is_list_header(line: str) -> bool:
    return bool(LIST_HEADER_RE.match(line.strip()))


def is_list_item(line: str) -> bool:
    """A bullet, a teaser title, a link-list row: not a full paragraph."""
    s = line.strip()
    if _BULLET_RE.match(s):
        return True
    return not is_prose(s)
