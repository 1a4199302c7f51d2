"""Closed word classes the entity rules read, as lemmas (pymorphy normal forms, ё as е).

These are common nouns, never names: what kind of thing a quoted name after them is
(``компания «Вектор»`` an organization, ``фильм «Вектор»`` a work), which legal forms
stand before a name, which generic heads make a place name an organization. Kept apart
from the rules so a reviewer can extend a class without reading code; every set is
matched against lemmas, so one entry covers all cases and numbers.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# A quoted name right after one of these is an organization: ``партии «Яблоко»``.
ORG_NOUNS = _words(
    """
    компания авиакомпания госкомпания телекомпания медиакомпания кинокомпания
    корпорация госкорпорация холдинг медиахолдинг концерн фирма группа банк
    госбанк фонд биржа страховщик оператор ритейлер застройщик девелопер
    производитель предприятие завод фабрика комбинат верфь
    партия движение фракция блок коалиция профсоюз союз ассоциация объединение
    организация общество федерация лига клуб команда сборная
    газета журнал издание еженедельник ежемесячник таблоид агентство
    информагентство медиагруппа телеканал канал радиостанция радио телерадиокомпания
    портал интернет-издание издательство студия киностудия лейбл
    институт университет академия училище колледж лицей гимназия школа
    театр музей галерея библиотека оркестр ансамбль хор коллектив
    центр служба ведомство министерство комитет совет управление департамент
    инспекция трест кооператив товарищество
    """
)

# A quoted name right after one of these is a work, a vehicle, an event or a product,
# not an organization: ``шаттл «Дискавери»``, ``фильм «Солнечный удар»``.
TITLE_NOUNS = _words(
    """
    фильм кинофильм сериал мультфильм картина лента книга роман повесть рассказ
    сборник песня альбом сингл клип композиция трек хит спектакль постановка
    опера балет мюзикл шоу телешоу программа передача телепередача
    выставка премия конкурс фестиваль форум турнир чемпионат кубок акция
    операция учение кампания закон законопроект статья колонка рубрика пьеса
    поэма стихотворение гимн лозунг слоган девиз
    корабль звездолет шаттл челнок крейсер ледокол судно теплоход пароход яхта
    лайнер самолет ракета вертолет спутник станция модуль зонд аппарат танк
    автомобиль модель марка бренд игра приложение вакцина препарат сорт
    отель гостиница ресторан кафе бар
    """
)

# A quoted name right after one of these is a place: ``аэропорт «Домодедово»``.
PLACE_NOUNS = _words(
    """
    аэропорт вокзал порт бизнес-центр стадион парк сквер площадь улица проспект
    район микрорайон квартал поселок деревня село станица хутор промзона
    заповедник курорт урочище месторождение
    """
)

# Legal forms written before an organization's name; they are not part of the name
# (``ОАО «Газпром»`` → ``Газпром``, ``ИА Интерфакс`` → ``Интерфакс``). Abbreviations that
# also name a body (СК, the Investigative Committee) are not here; before quotation marks
# any short abbreviation counts (``РИА «Новости»``).
LEGAL_FORMS = _words(
    """
    ООО ОАО ПАО АО ЗАО НАО АНО НКО ИП МУП ГУП ФГУП ФГБУ ГБУ МБУ МКУ ГКУ ТОО ЧОП ЧОУ
    НПФ ФК ХК ИА
    """
)

# The head noun of a place name that makes it an organization: ``Европейский союз``
# (with the generic noun in lower case; ``Советский Союз`` is a state), and the same
# noun at the end of one word (``Евросоюз``, ``Еврокомиссия``).
INSTITUTION_HEADS = _words(
    """
    союз комиссия парламент совет организация содружество ассамблея
    """
)

# Abbreviations after a Latin name that belong to it (``Co.``, ``Ltd.``).
NAME_ABBREVIATIONS = _words(
    """
    co ltd inc corp plc llc jr sr bros st ко лтд инк корп
    """
)

# Abbreviations that are common nouns, not names (folded): ``СМИ``, ``СИЗО``, currencies.
COMMON_ABBREVIATIONS = _words(
    """
    сми сизо дтп чп вуз жкх ввп егэ огэ тэц аэс гэс днк спид вич нко ндс ндфл пдд
    омс пмж тц бад
    usd eur rub gbp jpy cny chf uah byn kzt
    """
)

# Seats that stand for the body working there when they act (``Кремль заявил``), lemmas.
INSTITUTION_SEATS = _words(
    """
    кремль
    """
)

# Prepositions after which a seat is the place itself (``в Кремле``, ``у Белого дома``).
PLACE_PREPOSITIONS = _words(
    """
    в во на у около возле над под к ко из близ вокруг напротив перед
    """
)
