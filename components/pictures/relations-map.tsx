import { useId, useMemo, useState } from 'preact/hooks';
import type { StoryPack } from '../../data/schema';
import { type MapNode, relationsMap } from '../../engine/pictures/relations-model';
import { KIND_COLOUR, kindInPhrase } from '../entity-kinds';
import { SourceRef } from '../story/source-ref';
import { useWords } from '../use-words';
import { StoryPicture } from './story-picture';
import { useRovingFocus } from './use-roving-focus';

interface RelationsMapProps {
  pack: StoryPack;
  /** How often the page mentions each of the pack's entities (by its id in the pack); none without a page. */
  mentionsOf?(entityId: string): number;
  /** Opens an entity's story; without it, a node shows its relations under the picture. */
  onOpenEntity?(entityId: string): void;
}

/**
 * The story's relations map: its entities as nodes in their kind's colour,
 * its relations as arrows labelled in the pack's words. The entities the
 * page mentions stand out, with their counts; a node opens its story.
 */
export function RelationsMap({ pack, mentionsOf = () => 0, onOpenEntity }: RelationsMapProps) {
  const words = useWords();
  const { t } = words;
  const mentionsText = (count: number) => t('mentions.onPage', count);
  const map = useMemo(() => relationsMap(pack), [pack]);
  const arrowId = useId();
  const paragraphs = new Map(pack.source.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const names = new Map(pack.entities.map((entity) => [entity.id, entity.name]));
  const [opened, setOpened] = useState<MapNode | null>(null);
  const roving = useRovingFocus(map.nodes.length, (index) => {
    const node = map.nodes[index];
    if (node === undefined) return;
    if (onOpenEntity !== undefined) onOpenEntity(node.id);
    else setOpened(node);
  });
  const relationsOf = (id: string) => map.edges.filter((edge) => edge.from === id || edge.to === id);
  const alone = map.nodes.filter((node) => relationsOf(node.id).length === 0).map((node) => node.name);
  const nodeLabel = (node: MapNode) => {
    const count = mentionsOf(node.id);
    const named = { name: node.name, kind: kindInPhrase(words, node.kind) };
    return count > 0
      ? t('pictures.nodeMentioned', { ...named, mentions: mentionsText(count) })
      : t('pictures.node', named);
  };

  return (
    <StoryPicture
      title={t('pictures.relations')}
      story={pack.title}
      hint={onOpenEntity === undefined ? t('pictures.relationsHintList') : t('pictures.relationsHintOpen')}
      drawing={{
        class: 'relations-map',
        label: t('pictures.relationsIn', { title: pack.title }),
        width: map.width,
        height: map.height,
        content: (
          <>
            <defs>
              <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
                <path class="arrow-head" d="M0,0 L10,5 L0,10 z" />
              </marker>
            </defs>
            {map.edges.map((edge) => (
              <g key={`${edge.from}-${edge.label}-${edge.to}`} class="relation">
                <polyline
                  class="relation-line"
                  points={edge.points.map(({ x, y }) => `${x},${y}`).join(' ')}
                  marker-end={`url(#${arrowId})`}
                />
                <text class="relation-label" x={edge.labelX} y={edge.labelY + 4}>
                  {edge.label}
                </text>
              </g>
            ))}
            {map.nodes.map((node, i) => {
              const count = mentionsOf(node.id);
              return (
                // biome-ignore lint/a11y/useSemanticElements: SVG has no button element; a node is a group drawn as one
                <g
                  key={node.id}
                  class={count > 0 ? 'node mentioned' : 'node'}
                  role="button"
                  aria-label={nodeLabel(node)}
                  style={{ '--kind-colour': KIND_COLOUR[node.kind] }}
                  {...roving.markProps(i)}
                >
                  <rect
                    class="node-box"
                    x={node.x - node.width / 2}
                    y={node.y - node.height / 2}
                    width={node.width}
                    height={node.height}
                    rx={6}
                  />
                  <text class="node-name" x={node.x} y={node.y + 4}>
                    {node.name}
                  </text>
                  {count > 0 && (
                    <g class="node-count">
                      <circle cx={node.x + node.width / 2} cy={node.y - node.height / 2} r={9} />
                      <text x={node.x + node.width / 2} y={node.y - node.height / 2 + 4}>
                        {count}
                      </text>
                    </g>
                  )}
                </g>
              );
            })}
          </>
        ),
      }}
      detail={
        opened !== null && (
          <div class="picture-detail">
            <p>
              <strong>{nodeLabel(opened)}</strong>
            </p>
            <ul>
              {relationsOf(opened.id).map((edge) => {
                const paragraph = paragraphs.get(edge.paragraph);
                return (
                  <li key={`${edge.from}-${edge.label}-${edge.to}`}>
                    {names.get(edge.from)} → {edge.label.toLowerCase()} → {names.get(edge.to)}{' '}
                    {paragraph !== undefined && <SourceRef paragraph={paragraph} source={pack.source} />}
                  </li>
                );
              })}
              {relationsOf(opened.id).length === 0 && <li>{t('pictures.noRelations')}</li>}
            </ul>
          </div>
        )
      }
      alternative={
        <>
          <table class="relations-text">
            <caption>{t('pictures.relationsIn', { title: pack.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pictures.who')}</th>
                <th scope="col">{t('pictures.relation')}</th>
                <th scope="col">{t('pictures.toWhom')}</th>
                <th scope="col">{t('pictures.source')}</th>
              </tr>
            </thead>
            <tbody>
              {map.edges.map((edge) => {
                const paragraph = paragraphs.get(edge.paragraph);
                const cell = (id: string) => {
                  const count = mentionsOf(id);
                  return (
                    <>
                      {names.get(id)}
                      {count > 0 && <span class="count"> ({mentionsText(count)})</span>}
                    </>
                  );
                };
                return (
                  <tr key={`${edge.from}-${edge.label}-${edge.to}`}>
                    <td>{cell(edge.from)}</td>
                    <td>{edge.label}</td>
                    <td>{cell(edge.to)}</td>
                    <td>{paragraph !== undefined && <SourceRef paragraph={paragraph} source={pack.source} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {alone.length > 0 && <p class="note">{t('pictures.alone', { names: alone.join(t('story.listJoin')) })}</p>}
        </>
      }
    />
  );
}
